using System.Globalization;
using VfeTps.Stream.Datasets;
using VfeTps.Stream.Evaluation;
using VfeTps.Stream.Tokenizer;
using VfeTps.Stream.Training.Trainer;
using VfeTps.Stream.Training.Weights;

namespace VfeTps.Stream.Training.Ablation;

/// <summary>
/// Trains every variant with every seed from the same recipe, evaluates each on the test split
/// with the checkpoint that validation chose (the test split never chooses anything), and writes
/// mean ± std tables and plots. Finished runs are kept and skipped, so an interrupted study resumes.
/// </summary>
public sealed class AblationStudy(TextWriter log)
{
    public AblationTable Run(TrainingRecipe recipe, IReadOnlyList<AblationVariant> variants, IReadOnlyList<int> seeds, string outputDirectory,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(seeds);
        Directory.CreateDirectory(outputDirectory);
        var dataset = PersonDatasetLoader.Load(recipe.Dataset ?? throw new InvalidOperationException("The recipe names no data set."), cancellationToken: cancellationToken);
        var runs = new List<AblationRun>();
        var total = variants.Count * seeds.Count;
        var index = 0;
        foreach (var variant in variants)
        {
            var results = new List<AblationSeedResult>();
            foreach (var seed in seeds)
            {
                index++;
                log.WriteLine($"=== ablation run {index}/{total}: {variant.Description}, seed {seed} ===");
                results.Add(RunOne(recipe, variant, seed, dataset, Path.Combine(outputDirectory, "runs", $"{variant.Name}-seed{seed}"), cancellationToken));
            }
            runs.Add(new AblationRun(variant.Name, results));
            Write(new AblationTable(runs), outputDirectory, variants);
        }
        return new AblationTable(runs);
    }

    private AblationSeedResult RunOne(TrainingRecipe recipe, AblationVariant variant, int seed, PersonDataset dataset, string directory, CancellationToken cancellationToken)
    {
        var run = new TrainingRunFolder(directory);
        var reportPath = Path.Combine(run.Evaluation, $"{dataset.Name}-test".ToLowerInvariant() + ".json");
        if (!File.Exists(reportPath))
        {
            var trainer = new ModelTrainer(log);
            var outcome = File.Exists(run.LastCheckpoint)
                ? trainer.Resume(run, cancellationToken)
                : trainer.Train(recipe with { Model = variant.Apply(recipe.Model), Seed = seed }, run, cancellationToken);
            if (outcome == TrainingOutcome.Interrupted)
                throw new OperationCanceledException("The ablation study was interrupted; run it again to continue.");
            var checkpoint = run.PreferredCheckpoint;
            using var model = TrainingCheckpoint.LoadModel(checkpoint);
            new ModelEvaluator(log).Evaluate(model, ClipTokenizer.Load(run.Tokenizer), dataset, DatasetSplit.Test, run.Evaluation,
                context: new Dictionary<string, string> { ["variant"] = variant.Name, ["seed"] = seed.ToString(CultureInfo.InvariantCulture) },
                cancellationToken: cancellationToken);
        }
        var report = EvaluationReport.Read(reportPath);
        var secondsPerEpoch = MetricsLog.Read(run.MetricsLog).Select(r => r.Seconds).DefaultIfEmpty(double.NaN).Average();
        return new AblationSeedResult(seed, report.Metrics, report.Silhouette, secondsPerEpoch);
    }

    private static void Write(AblationTable table, string directory, IReadOnlyList<AblationVariant> variants)
    {
        table.Write(directory, "ablation");
        Plots.GroupedBars(Path.Combine(directory, "ablation.png"), "Ablation on SynthPedes test (mean ± std over seeds)",
            AblationTable.RetrievalMetricNames, table.ToBarGroups(), "percent", width: 1100, height: 550);
        var descriptions = string.Join(Environment.NewLine, variants.Select(v => $"- `{v.Name}`: {v.Description}"));
        File.WriteAllText(Path.Combine(directory, "variants.md"), descriptions + Environment.NewLine);
    }
}
