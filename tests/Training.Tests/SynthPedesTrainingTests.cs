using VfeTps.Stream.Datasets;
using VfeTps.Stream.SynthPedes;
using VfeTps.Stream.Training.Configuration;
using VfeTps.Stream.Training.Trainer;

namespace VfeTps.Stream.Training.Tests;

/// <summary>Generator → loader → trainer: the path the README's main command takes, in miniature.</summary>
public sealed class SynthPedesTrainingTests
{
    [Fact]
    public void TrainingOnAGeneratedSet_LowersTheLoss()
    {
        using var dir = new TempDirectory();
        var summary = SynthPedesGenerator.Generate(new SynthPedesOptions
        {
            OutputDirectory = dir.PathOf("synthpedes"),
            Seed = 3,
            TrainIdentities = 12,
            ValidationIdentities = 3,
            TestIdentities = 3,
            ImageHeight = 96,
            ImageWidth = 32,
        }, cancellationToken: TestContext.Current.CancellationToken);
        var dataset = PersonDatasetLoader.Load(summary.OutputDirectory, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(DatasetFormat.SynthPedes, dataset.Format);
        Assert.Equal(12, dataset.IdentityCount(DatasetSplit.Train));

        var run = new TrainingRunFolder(dir.PathOf("run"));
        var recipe = new TrainingRecipe
        {
            Model = ModelConfig.Tiny with { Image = ModelConfig.Tiny.Image with { Layers = 2 }, Text = ModelConfig.Tiny.Text with { Layers = 2 } },
            Dataset = summary.OutputDirectory,
            Epochs = 5,
            BatchSize = 24,
            VocabularyMerges = 200,
            Optimizer = new OptimizerSettings { LearningRate = 1e-3, WarmupEpochs = 1 },
            Seed = 5,
        };
        new ModelTrainer(TextWriter.Null).Train(recipe, run, TestContext.Current.CancellationToken);

        var records = MetricsLog.Read(run.MetricsLog);
        Assert.True(records[^1].Total < records[0].Total, $"loss went from {records[0].Total} to {records[^1].Total}");
        Assert.True(records[^1].Cmpm < records[0].Cmpm, $"CMPM went from {records[0].Cmpm} to {records[^1].Cmpm}");
    }
}
