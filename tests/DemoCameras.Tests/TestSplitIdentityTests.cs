using VfeTps.Stream.SynthPedes;

namespace VfeTps.Stream.DemoCameras.Tests;

/// <summary>The scene's people are SynthPedes test identities: never seen by a model trained on the set.</summary>
public sealed class TestSplitIdentityTests(SmallScene scene)
{
    [Fact]
    public void TheDefaultScenesPeopleAreTestIdentitiesOfTheDefaultSet()
    {
        // All splits of the default set (seed 1, default sizes), as the generator plans them.
        var all = SynthPedesGenerator.PlanAnnotations(new SynthPedesOptions { OutputDirectory = "unused" });
        var splitOf = all.GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.Select(e => e.Split).Distinct().Single());
        Assert.Equal(1400, splitOf.Count);
        foreach (var options in new[] { TestScenes.Small, SceneOptions.Demo, SceneOptions.Small })
        {
            var people = options == TestScenes.Small ? scene.Truth.Identities : ScenePlan.Create(options).Identities;
            Assert.Equal(options.IdentityCount, people.Count);
            Assert.All(people, p => Assert.Equal(SplitNames.Test, splitOf[p.PersonId]));
            Assert.Equal(people.Count, people.Select(p => p.PersonId).Distinct().Count());
        }
    }

    [Fact]
    public void IdentitiesAttributesAndCaptionsAreThoseTheGeneratorWritesForTheTestSplit()
    {
        using var folder = new TempDirectory();
        var synth = new SynthPedesOptions
        {
            OutputDirectory = folder.FullPath,
            Seed = 11,
            TrainIdentities = 10,
            ValidationIdentities = 3,
            TestIdentities = 8,
            MinImagesPerIdentity = 1,
            MaxImagesPerIdentity = 2,
            CameraCount = 3,
            ImageWidth = 32,
            ImageHeight = 96,
            ContactSheetIdentities = 1,
            MaxDegreeOfParallelism = 1,
        };
        // The real generator writes the data set; its annotation file says who is in the test split.
        SynthPedesGenerator.Generate(synth, cancellationToken: TestContext.Current.CancellationToken);
        var written = SynthPedesAnnotations.Read(Path.Combine(folder.FullPath, SynthPedesAnnotations.FileName));
        var test = written.Where(e => e.Split == SplitNames.Test).GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(8, test.Count);

        var options = TestScenes.Small with { SynthPedes = SynthPedesRecipe.From(synth), IdentityCount = 5 };
        var people = ScenePlan.Create(options).Identities;
        Assert.Equal(5, people.Count);
        foreach (var person in people)
        {
            Assert.True(test.TryGetValue(person.PersonId, out var images), $"Person {person.PersonId} is not in the written test split.");
            Assert.Equal(images[0].Attributes, person.Attributes);
            Assert.Equal(images.SelectMany(i => i.Captions).Distinct().Order(StringComparer.Ordinal), person.Captions.Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void AnotherSceneSeedPicksOtherTestIdentities()
    {
        var a = ScenePlan.Create(TestScenes.Small).Identities.Select(i => i.PersonId).ToHashSet();
        var b = ScenePlan.Create(TestScenes.Small with { Seed = 99 }).Identities.Select(i => i.PersonId).ToHashSet();
        Assert.False(a.SetEquals(b));
    }
}
