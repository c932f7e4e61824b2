namespace VfeTps.Stream.SynthPedes.Tests;

public sealed class SynthPedesRecipeTests
{
    // Options that cannot change a single rendered byte.
    private static readonly string[] s_notRecorded =
        [nameof(SynthPedesOptions.OutputDirectory), nameof(SynthPedesOptions.MaxDegreeOfParallelism), nameof(SynthPedesOptions.Splits)];

    [Fact]
    public void Recipe_RecordsEveryOptionThatShapesTheData()
    {
        var settable = typeof(SynthPedesOptions).GetProperties()
            .Where(p => p.SetMethod is not null && !s_notRecorded.Contains(p.Name))
            .Select(p => p.Name);
        var recorded = typeof(SynthPedesRecipe).GetProperties().Select(p => p.Name).ToHashSet();

        var missing = settable.Where(name => !recorded.Contains(name)).ToList();
        Assert.True(missing.Count == 0, $"Not recorded in {SynthPedesRecipe.FileName}: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Recipe_RoundTripsThroughItsFileAndBackIntoTheSameOptions()
    {
        var options = TinySets.Options("/tmp/a") with { Seed = 99, SiblingShare = 0.25, NoiseStrength = 0.5f };

        var recipe = SynthPedesRecipe.FromJson(SynthPedesRecipe.From(options).ToJson());

        Assert.Equal(SynthPedesRecipe.CurrentGeneratorVersion, recipe.GeneratorVersion);
        Assert.Equal(options, recipe.ToOptions("/tmp/a"));
    }
}
