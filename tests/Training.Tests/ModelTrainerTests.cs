using VfeTps.Stream.Training.Configuration;
using VfeTps.Stream.Training.Trainer;
using VfeTps.Stream.Training.Weights;

namespace VfeTps.Stream.Training.Tests;

/// <summary>The trainer end to end on a tiny data set the test writes.</summary>
public sealed class ModelTrainerTests
{
    private static TrainingRecipe Recipe(string dataset, int epochs) => new()
    {
        Model = ModelConfig.Tiny with
        {
            Image = ModelConfig.Tiny.Image with { Layers = 2 },
            Text = ModelConfig.Tiny.Text with { Layers = 2 },
            TgMim = ModelConfig.Tiny.TgMim with { DecoderLayers = 1 },
        },
        Dataset = dataset,
        Epochs = epochs,
        BatchSize = 16,
        VocabularyMerges = 50,
        Optimizer = new OptimizerSettings { LearningRate = 1e-3, WarmupEpochs = 1 },
        Seed = 7,
    };

    [Fact]
    public void Training_LowersTheLoss_AndWritesCheckpointsLogsAndPlots()
    {
        using var dir = new TempDirectory();
        var dataset = ColourPeopleDataset.Write(dir.PathOf("data"));
        var run = new TrainingRunFolder(dir.PathOf("run"));

        var outcome = new ModelTrainer(TextWriter.Null).Train(Recipe(dataset, epochs: 6), run, TestContext.Current.CancellationToken);

        Assert.Equal(TrainingOutcome.Completed, outcome);
        var records = MetricsLog.Read(run.MetricsLog);
        Assert.Equal(6, records.Count);
        Assert.True(records[^1].Total < records[0].Total * 0.8, $"loss went from {records[0].Total} to {records[^1].Total}");
        Assert.All(records, r => Assert.NotNull(r.Rank1));
        Assert.True(File.Exists(run.LastCheckpoint) && File.Exists(run.BestCheckpoint));
        Assert.True(File.Exists(run.LossPlot) && File.Exists(run.ValidationPlot));
        Assert.True(File.Exists(Path.Combine(run.Tokenizer, "vocab.json")));
        Assert.Equal(6, TrainingRecipeJson.Load(run.Recipe).Epochs);
    }

    [Fact]
    public void AnInterruptedRun_ResumesExactlyWhereItStopped()
    {
        using var dir = new TempDirectory();
        var dataset = ColourPeopleDataset.Write(dir.PathOf("data"));
        var recipe = Recipe(dataset, epochs: 3);

        var whole = new TrainingRunFolder(dir.PathOf("whole"));
        new ModelTrainer(TextWriter.Null).Train(recipe, whole, TestContext.Current.CancellationToken);

        var parts = new TrainingRunFolder(dir.PathOf("parts"));
        using var stop = new CancellationTokenSource();
        var first = new ModelTrainer(TextWriter.Null);
        first.StepCompleted += steps =>
        {
            if (steps == 6)
                stop.Cancel(); // in the middle of the second epoch (4 batches per epoch)
        };
        Assert.Equal(TrainingOutcome.Interrupted, first.Train(recipe, parts, stop.Token));
        var stoppedAt = ResumePoint.FromMetadata(TrainingCheckpoint.ReadMetadata(parts.LastCheckpoint));
        Assert.Equal((1, 2), (stoppedAt.Epoch, stoppedAt.StepInEpoch));
        Assert.Equal(TrainingOutcome.Completed, new ModelTrainer(TextWriter.Null).Resume(parts, TestContext.Current.CancellationToken));

        using var expected = TrainingCheckpoint.LoadModel(whole.LastCheckpoint);
        using var actual = TrainingCheckpoint.LoadModel(parts.LastCheckpoint);
        var expectedState = expected.state_dict();
        foreach (var (name, value) in actual.state_dict())
            Assert.True(value.allclose(expectedState[name], rtol: 1e-4, atol: 1e-5), $"{name} differs after resuming");
        Assert.Equal(3, MetricsLog.Read(parts.MetricsLog).Count);
    }

    [Fact]
    public void Training_WithTheIdentityClassifier_TakesTheIdentityCountFromTheData()
    {
        using var dir = new TempDirectory();
        var dataset = ColourPeopleDataset.Write(dir.PathOf("data"));
        var run = new TrainingRunFolder(dir.PathOf("run"));
        var recipe = Recipe(dataset, 2) with { MaxSteps = 2 };
        recipe = recipe with { Model = recipe.Model with { IdentityClassifier = new IdentityClassifierConfig { Enabled = true } } };

        new ModelTrainer(TextWriter.Null).Train(recipe, run, TestContext.Current.CancellationToken);

        Assert.Equal(8, TrainingRecipeJson.Load(run.Recipe).Model.IdentityClassifier.Identities);
    }

    [Fact]
    public void Train_RefusesAFolderThatHoldsARun()
    {
        using var dir = new TempDirectory();
        var dataset = ColourPeopleDataset.Write(dir.PathOf("data"));
        var run = new TrainingRunFolder(dir.PathOf("run"));
        new ModelTrainer(TextWriter.Null).Train(Recipe(dataset, 2) with { MaxSteps = 1 }, run, TestContext.Current.CancellationToken);

        Assert.Throws<InvalidOperationException>(() => new ModelTrainer(TextWriter.Null).Train(Recipe(dataset, 2), run, TestContext.Current.CancellationToken));
    }
}
