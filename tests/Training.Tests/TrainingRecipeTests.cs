using VfeTps.Stream.Training.Configuration;
using VfeTps.Stream.Training.Trainer;

namespace VfeTps.Stream.Training.Tests;

public sealed class TrainingRecipeTests
{
    [Fact]
    public void Defaults_AreThePapersRecipe()
    {
        var recipe = new TrainingRecipe();

        Assert.Equal((60, 100, 1e-5), (recipe.Epochs, recipe.BatchSize, recipe.Optimizer.LearningRate));
        Assert.Equal((5.0, 0.1, 0.0), (recipe.Optimizer.WarmupEpochs, recipe.Optimizer.WarmupStartFactor, recipe.Optimizer.FinalFactor));
        Assert.Equal((5.0, 2.0), (recipe.Optimizer.CrossModalLearningRateFactor, recipe.Optimizer.BiasLearningRateFactor));
        Assert.True(recipe.Augmentation is { HorizontalFlip: true, PadPixels: 10, RandomErasing: true });
        Assert.True(recipe.Model.TgMim.Enabled && recipe.Model.IsGvfc.Enabled);
        Assert.Equal("paper", recipe.Model.Name);
    }

    [Fact]
    public void Json_RoundTrips_AndPartialFilesKeepTheDefaults()
    {
        using var dir = new TempDirectory();
        var path = dir.PathOf("recipe.json");
        File.WriteAllText(path, """
            {
              // comments are allowed
              "epochs": 3,
              "optimizer": { "learningRate": 0.001, "warmupEpochs": 1 },
              "model": { "name": "tiny-x", "embeddingSize": 64,
                "image": { "height": 96, "width": 32, "patchSize": 8, "modelWidth": 64, "layers": 2, "heads": 2 },
                "text": { "contextLength": 77, "vocabularySize": 600, "modelWidth": 64, "layers": 2, "heads": 2 },
                "tgMim": { "maskBlockSize": 16, "crossAttentionHeads": 2, "guidance": "None" } },
            }
            """);

        var recipe = TrainingRecipeJson.Load(path);

        Assert.Equal(3, recipe.Epochs);
        Assert.Equal(1e-3, recipe.Optimizer.LearningRate);
        Assert.Equal(4e-5, recipe.Optimizer.WeightDecay);
        Assert.Equal(MaskedModellingGuidance.None, recipe.Model.TgMim.Guidance);
        Assert.Equal(100, recipe.BatchSize);
        TrainingRecipeJson.Save(path, recipe);
        Assert.Equal(recipe, TrainingRecipeJson.Load(path));
    }

    [Fact]
    public void Load_NamesTheProblem()
    {
        using var dir = new TempDirectory();
        var path = dir.PathOf("bad.json");
        File.WriteAllText(path, """{ "batchSize": 1 }""");

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => TrainingRecipeJson.Load(path));

        Assert.Contains("CMPM needs at least 2", error.Message, StringComparison.Ordinal);
    }
}
