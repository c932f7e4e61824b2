using System.CommandLine;
using Microsoft.Extensions.Logging;
using VfeTps.Stream.Datasets;
using VfeTps.Stream.Evaluation;
using VfeTps.Stream.Export;
using VfeTps.Stream.Inference;
using VfeTps.Stream.Tokenizer;
using VfeTps.Stream.Training.Native;
using VfeTps.Stream.Training.Trainer;
using VfeTps.Stream.Training.Weights;

namespace VfeTps.Stream.Training.Cli.Commands;

/// <summary><c>vfetps-train evaluate</c>: text→image retrieval metrics, silhouette and a t-SNE map.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var run = new Option<DirectoryInfo?>("--run") { Description = "A training run folder (uses its best checkpoint, else its last, and its tokenizer)." };
        var checkpoint = new Option<FileInfo?>("--checkpoint") { Description = "A checkpoint file (with --tokenizer), instead of --run." };
        var tokenizer = new Option<DirectoryInfo?>("--tokenizer") { Description = "Tokenizer folder for --checkpoint." };
        var bundle = new Option<DirectoryInfo?>("--bundle") { Description = "A published model bundle, evaluated through ONNX Runtime as serving runs it (needs --dataset)." };
        var dataset = new Option<string?>("--dataset") { Description = "Data set folder or annotation file (default: the run's)." };
        var split = new Option<DatasetSplit>("--split") { Description = "Split to evaluate.", DefaultValueFactory = _ => DatasetSplit.Test };
        var queries = new Option<FileInfo?>("--queries") { Description = "A query file ([{caption, id}]) evaluated against the split's images." };
        var output = new Option<DirectoryInfo?>("--output") { Description = "Where to write the report (default: <run>/evaluation)." };
        var command = new Command("evaluate", "Evaluate a trained model: Rank-1/5/10, mAP, mINP, silhouette, t-SNE plot; JSON and Markdown.")
        {
            run, checkpoint, tokenizer, bundle, dataset, split, queries, output,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            if (parse.GetValue(bundle) is { } bundleFolder)
            {
                if (parse.GetValue(run) is not null || parse.GetValue(checkpoint) is not null || parse.GetValue(tokenizer) is not null || parse.GetValue(queries) is not null)
                    throw new ArgumentException("--bundle evaluates the bundle's own towers and tokenizer on a split's captions; it takes no --run, --checkpoint, --tokenizer or --queries.");
                var bundleDataset = parse.GetValue(dataset) ?? throw new ArgumentException("--bundle needs --dataset.");
                return Task.FromResult(EvaluateBundle(bundleFolder.FullName, bundleDataset, parse.GetValue(split), parse.GetValue(output)?.FullName, cancellationToken));
            }
            TorchRuntime.EnsureLoaded();
            var runFolder = parse.GetValue(run) is { } r ? new TrainingRunFolder(r.FullName) : null;
            var checkpointPath = parse.GetValue(checkpoint)?.FullName
                ?? (runFolder is null ? throw new ArgumentException("Give --run or --checkpoint.")
                    : runFolder.PreferredCheckpoint);
            var tokenizerPath = parse.GetValue(tokenizer)?.FullName ?? runFolder?.Tokenizer
                ?? throw new ArgumentException("--checkpoint needs --tokenizer.");
            var datasetPath = parse.GetValue(dataset)
                ?? (runFolder is not null ? TrainingRecipeJson.Load(runFolder.Recipe).Dataset : null)
                ?? throw new ArgumentException("Give --dataset.");
            var outputPath = parse.GetValue(output)?.FullName ?? runFolder?.Evaluation
                ?? Path.Combine(Path.GetDirectoryName(checkpointPath)!, "evaluation");

            using var model = TrainingCheckpoint.LoadModel(checkpointPath);
            var queryList = parse.GetValue(queries) is { } q ? QueryFile.Load(q.FullName) : null;
            var result = new ModelEvaluator(Console.Out).Evaluate(model, ClipTokenizer.Load(tokenizerPath), PersonDatasetLoader.Load(datasetPath, cancellationToken: cancellationToken),
                parse.GetValue(split), outputPath, queryList, new Dictionary<string, string>
                {
                    ["checkpoint"] = checkpointPath,
                    // What `publish` matches to know these metrics belong to the weights it publishes.
                    [EvaluationContextKeys.CheckpointSha256] = FileChecksum.Sha256Of(checkpointPath),
                }, cancellationToken);
            Console.WriteLine(EvaluationReport.ToMarkdown(EvaluationReport.Read(result.Report.JsonPath)));
            Console.WriteLine($"Report: {result.Report.JsonPath}, {result.Report.MarkdownPath}, {result.ProjectionPlot}");
            return Task.FromResult(0);
        });
        return command;
    }

    private static int EvaluateBundle(string bundlePath, string datasetPath, DatasetSplit split, string? outputPath, CancellationToken cancellationToken)
    {
        var dataset = PersonDatasetLoader.Load(datasetPath, cancellationToken: cancellationToken);
        using var loggers = LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true));
        using var bundle = ModelBundle.Load(bundlePath, new InferenceOptions(), loggers.CreateLogger("bundle"));
        Console.WriteLine($"Evaluating {bundle.ModelVersion} ({bundle.ExecutionProvider}) on {dataset.Name} {split}…");
        var metrics = BundleEvaluator.Evaluate(bundle, dataset, split, cancellationToken);
        var name = $"{dataset.Name}-{split}".ToLowerInvariant();
        var report = EvaluationReport.Write(outputPath ?? Path.TrimEndingDirectorySeparator(bundlePath) + "-evaluation", name, metrics, context: new Dictionary<string, string>
        {
            ["bundle"] = bundle.ModelVersion,
            ["runtime"] = $"ONNX Runtime ({bundle.ExecutionProvider})",
            ["dataset"] = dataset.Name,
            ["split"] = split.ToString(),
        });
        Console.WriteLine(EvaluationReport.ToMarkdown(EvaluationReport.Read(report.JsonPath)));
        Console.WriteLine($"Report: {report.JsonPath}, {report.MarkdownPath}");
        return 0;
    }
}
