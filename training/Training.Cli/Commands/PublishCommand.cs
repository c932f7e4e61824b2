using System.CommandLine;
using VfeTps.Stream.Evaluation;
using VfeTps.Stream.Export;
using VfeTps.Stream.Inference;
using VfeTps.Stream.SynthPedes;
using VfeTps.Stream.Training.Configuration;
using VfeTps.Stream.Training.Native;
using VfeTps.Stream.Training.Trainer;
using VfeTps.Stream.Training.Weights;

namespace VfeTps.Stream.Training.Cli.Commands;

/// <summary><c>vfetps-train publish</c>: a training run's best checkpoint → a validated model bundle.</summary>
internal static class PublishCommand
{
    public static Command Create()
    {
        var run = new Option<DirectoryInfo>("--run") { Description = "The training run folder (best checkpoint, tokenizer, recipe, evaluation reports).", Required = true };
        var output = new Option<DirectoryInfo>("--output") { Description = "The bundle folder to create (must not exist or be empty).", Required = true };
        var version = new Option<string?>("--version") { Description = "Model version name (default: the output folder's name)." };
        var command = new Command("publish", "Export both towers to ONNX, check parity with TorchSharp, and write a self-describing, validated model bundle.")
        {
            run, output, version,
        };
        command.SetAction(parse =>
        {
            TorchRuntime.EnsureLoaded();
            var folder = new TrainingRunFolder(parse.GetValue(run)!.FullName);
            var checkpoint = folder.PreferredCheckpoint;
            if (!File.Exists(checkpoint))
                throw new FileNotFoundException($"The run '{folder.Path}' has no checkpoint yet.", checkpoint);
            var destination = parse.GetValue(output)!.FullName;
            var recipe = TrainingRecipeJson.Load(folder.Recipe);
            var progress = ResumePoint.FromMetadata(TrainingCheckpoint.ReadMetadata(checkpoint));
            var checkpointSha256 = FileChecksum.Sha256Of(checkpoint);
            var training = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["dataset"] = recipe.Dataset,
                ["configuration"] = recipe.Model.Name,
                ["epochs"] = recipe.Epochs,
                ["checkpointEpoch"] = progress.Epoch,
                ["seed"] = recipe.Seed,
                ["objectives"] = Objectives(recipe),
                ["run"] = Path.GetFileName(folder.Path),
                ["checkpointSha256"] = checkpointSha256,
            };
            // A SynthPedes set carries its generator options: with them a checker regenerates the
            // evaluation split byte for byte and reproduces the recorded metrics.
            if (recipe.Dataset is { } datasetPath && Directory.Exists(datasetPath) && SynthPedesRecipe.TryRead(datasetPath) is { } synthPedes)
                training["synthPedes"] = synthPedes;
            var request = new PublishRequest(checkpoint, folder.Tokenizer, destination,
                parse.GetValue(version) ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(destination)), training, EvaluationReports(folder, checkpointSha256));
            var published = ModelPublisher.Publish(request, Console.Out);
            Console.WriteLine($"Bundle: {published.Directory}");
            return 0;
        });
        return command;
    }

    private static string Objectives(TrainingRecipe recipe)
    {
        var model = recipe.Model;
        var parts = new List<string> { "cmpm" };
        if (model.TgMim.Enabled)
            parts.Add(model.TgMim.Guidance == MaskedModellingGuidance.Text ? "tg-mim" : "simmim");
        if (model.IsGvfc.Enabled)
            parts.Add("is-gvfc");
        if (model.IdentityClassifier.Enabled)
            parts.Add("id");
        return string.Join('+', parts);
    }

    /// <summary>
    /// The run's evaluation reports of exactly this checkpoint on a split's own captions; a report of
    /// another checkpoint (an earlier best, a stray --checkpoint) or of a query file is left out.
    /// </summary>
    private static Dictionary<string, RecordedMetrics> EvaluationReports(TrainingRunFolder folder, string checkpointSha256)
    {
        var reports = new Dictionary<string, RecordedMetrics>(StringComparer.Ordinal);
        if (!Directory.Exists(folder.Evaluation))
            return reports;
        foreach (var path in Directory.EnumerateFiles(folder.Evaluation, "*.json").Order(StringComparer.Ordinal))
        {
            var report = EvaluationReport.Read(path);
            report.Context.TryGetValue(EvaluationContextKeys.CheckpointSha256, out var evaluated);
            report.Context.TryGetValue(EvaluationContextKeys.Queries, out var queries);
            if (evaluated != checkpointSha256 || queries != EvaluationContextKeys.SplitCaptions)
            {
                Console.WriteLine($"not recording {Path.GetFileName(path)}: it evaluated {(evaluated != checkpointSha256 ? "another checkpoint" : "a query file")}; run `evaluate --run` again to record this one.");
                continue;
            }
            var m = report.Metrics;
            reports[report.Name] = new RecordedMetrics(m.Rank1, m.Rank5, m.Rank10, m.MeanAveragePrecision, m.MeanInverseNegativePenalty);
        }
        return reports;
    }
}
