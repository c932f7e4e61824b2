using VfeTps.Stream.SynthPedes;

namespace VfeTps.Stream.DemoCameras;

/// <summary>
/// Picks the scene's people from the SynthPedes test split, through the same planning code that writes the data
/// set (so ids, attributes and captions are exactly those of <c>synthpedes.json</c>), without rendering it.
/// </summary>
internal static class TestSplitCast
{
    private const int StreamCast = 0xCA57;

    /// <summary>Every identity of the test split of <paramref name="recipe"/>, in id order, with all its captions.</summary>
    public static IReadOnlyList<SceneIdentity> TestIdentities(SynthPedesRecipe recipe)
    {
        var options = recipe.ToOptions(outputDirectory: ".") with { Splits = new HashSet<string> { SplitNames.Test } };
        return [.. SynthPedesGenerator.PlanAnnotations(options)
            .GroupBy(entry => entry.Id)
            .OrderBy(group => group.Key)
            .Select(group => new SceneIdentity(
                group.Key,
                group.First().Attributes,
                [.. group.SelectMany(entry => entry.Captions).Distinct(StringComparer.Ordinal)]))];
    }

    /// <summary><see cref="SceneOptions.IdentityCount"/> test identities drawn with the scene's seed, in id order.</summary>
    public static IReadOnlyList<SceneIdentity> Pick(SceneOptions options)
    {
        var all = TestIdentities(options.SynthPedes);
        var random = SeedMixer.Create(options.Seed, StreamCast);
        var order = Enumerable.Range(0, all.Count).ToArray();
        random.Shuffle(order);
        return [.. order.Take(options.IdentityCount).Order().Select(i => all[i])];
    }
}
