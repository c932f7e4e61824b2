namespace VfeTps.Stream.DemoCameras.Tests;

/// <summary>The same options give byte-identical videos, contact frames and ground truth, whatever the threads.</summary>
public sealed class DeterminismTests
{
    [Fact]
    public void SameOptionsGiveIdenticalBytesWithOneOrSeveralThreads()
    {
        using var one = new TempDirectory();
        using var two = new TempDirectory();
        var token = TestContext.Current.CancellationToken;
        var a = SceneGenerator.Render(one.FullPath, TestScenes.Tiny with { MaxDegreeOfParallelism = 1 }, cancellationToken: token);
        var b = SceneGenerator.Render(two.FullPath, TestScenes.Tiny with { MaxDegreeOfParallelism = 2 }, cancellationToken: token);
        var files = Directory.GetFiles(one.FullPath).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(1 + (2 * TestScenes.Tiny.CameraCount), files.Count);
        Assert.Equal(files, Directory.GetFiles(two.FullPath).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var file in files)
        {
            Assert.True(File.ReadAllBytes(one.PathOf(file!)).AsSpan().SequenceEqual(File.ReadAllBytes(two.PathOf(file!))), $"{file} differs between two renders.");
        }

        Assert.Equal(a.GroundTruth.ToJson(), b.GroundTruth.ToJson());
    }

    [Fact]
    public void AnotherSeedGivesAnotherScene()
    {
        var a = ScenePlan.Create(TestScenes.Tiny).Appearances();
        var b = ScenePlan.Create(TestScenes.Tiny with { Seed = 6 }).Appearances();
        Assert.NotEqual(
            a.Select(x => (x.PersonId, x.CameraId, x.EnterFrame)),
            b.Select(x => (x.PersonId, x.CameraId, x.EnterFrame)));
    }
}
