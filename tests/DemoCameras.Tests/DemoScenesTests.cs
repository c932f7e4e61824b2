namespace VfeTps.Stream.DemoCameras.Tests;

/// <summary>
/// EnsureAsync renders a scene only when the folder lacks a complete one for the options; the ground truth,
/// written last, marks completion.
/// </summary>
public sealed class DemoScenesTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACompleteSceneIsNotRenderedAgain()
    {
        using var folder = new TempDirectory();
        var progress = new RecordingProgress();
        var first = await DemoScenes.EnsureAsync(folder.FullPath, TestScenes.Tiny, progress, Token);
        Assert.True(first.Rendered);
        Assert.NotEmpty(progress.Reports);
        Assert.Equal(TestScenes.Tiny.FrameCount * TestScenes.Tiny.CameraCount, progress.Reports[^1].FramesDone);
        Assert.Equal(progress.Reports.Select(r => r.FramesDone).Order(), progress.Reports.Select(r => r.FramesDone));
        var written = Directory.GetFiles(folder.FullPath).ToDictionary(f => f, File.GetLastWriteTimeUtc);

        var again = new RecordingProgress();
        var second = await DemoScenes.EnsureAsync(folder.FullPath, TestScenes.Tiny with { MaxDegreeOfParallelism = 1 }, again, Token);
        Assert.False(second.Rendered);
        Assert.Empty(again.Reports);
        Assert.Equal(written, Directory.GetFiles(folder.FullPath).ToDictionary(f => f, File.GetLastWriteTimeUtc));
        Assert.Equal(first.GroundTruth.ToJson(), second.GroundTruth.ToJson());
        Assert.Equal(first.VideoPaths, second.VideoPaths);
        Assert.All(second.VideoPaths, path => Assert.True(File.Exists(path)));
    }

    [Fact]
    public async Task CallersAskingAtOnceWaitForOneRender()
    {
        using var folder = new TempDirectory();
        var scenes = await Task.WhenAll(
            DemoScenes.EnsureAsync(folder.FullPath, TestScenes.Tiny, cancellationToken: Token),
            DemoScenes.EnsureAsync(folder.FullPath + "/./", TestScenes.Tiny, cancellationToken: Token));
        Assert.Single(scenes, s => s.Rendered);
        Assert.Equal(scenes[0].GroundTruth.ToJson(), scenes[1].GroundTruth.ToJson());
    }

    public static TheoryData<string> Damages => ["truncated video", "missing video", "missing contact frame", "missing ground truth", "corrupt ground truth"];

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task AnIncompleteSceneIsRenderedAgain(string damage)
    {
        using var folder = new TempDirectory();
        var first = await DemoScenes.EnsureAsync(folder.FullPath, TestScenes.Tiny, cancellationToken: Token);
        var video = first.VideoPaths[1];
        var truthPath = Path.Combine(folder.FullPath, SceneGroundTruth.FileName);
        switch (damage)
        {
            case "truncated video":
                using (var stream = File.OpenWrite(video))
                {
                    stream.SetLength(stream.Length / 2);
                }

                break;
            case "missing video":
                File.Delete(video);
                break;
            case "missing contact frame":
                File.Delete(Path.Combine(folder.FullPath, first.GroundTruth.Cameras[0].ContactFrame));
                break;
            case "missing ground truth":
                File.Delete(truthPath);
                break;
            default:
                await File.WriteAllTextAsync(truthPath, "{ \"formatVersion\": 1, \"cameras\": [", Token);
                break;
        }

        Assert.Null(DemoScenes.TryOpen(folder.FullPath, TestScenes.Tiny));
        var second = await DemoScenes.EnsureAsync(folder.FullPath, TestScenes.Tiny, cancellationToken: Token);
        Assert.True(second.Rendered);
        Assert.Equal(first.GroundTruth.ToJson(), second.GroundTruth.ToJson());
        Assert.True(File.ReadAllBytes(first.VideoPaths[0]).AsSpan().SequenceEqual(File.ReadAllBytes(second.VideoPaths[0])));
        Assert.NotNull(DemoScenes.TryOpen(folder.FullPath, TestScenes.Tiny));
    }

    [Fact]
    public async Task OtherOptionsReplaceTheSceneAndLeaveNoStaleCameras()
    {
        using var folder = new TempDirectory();
        await DemoScenes.EnsureAsync(folder.FullPath, TestScenes.Tiny, cancellationToken: Token);
        var fewer = TestScenes.Tiny with { CameraCount = 1, Seed = 8 };
        Assert.Null(DemoScenes.TryOpen(folder.FullPath, fewer));
        var scene = await DemoScenes.EnsureAsync(folder.FullPath, fewer, cancellationToken: Token);
        Assert.True(scene.Rendered);
        Assert.Equal(fewer, scene.GroundTruth.Options);
        Assert.Equal(
            new[] { "ground-truth.json", "synth-1.avi", "synth-1.png" },
            Directory.GetFiles(folder.FullPath).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ACancelledRenderLeavesNoCompleteScene()
    {
        using var folder = new TempDirectory();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var progress = new RecordingProgress(onReport: cancel.Cancel);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DemoScenes.EnsureAsync(folder.FullPath, TestScenes.Tiny, progress, cancel.Token));
        Assert.False(File.Exists(Path.Combine(folder.FullPath, SceneGroundTruth.FileName)));
        Assert.Empty(Directory.GetFiles(folder.FullPath, "*.partial.avi"));
        Assert.Null(DemoScenes.TryOpen(folder.FullPath, TestScenes.Tiny));
    }

    [Fact]
    public async Task TheSceneRegistersAsLoopedPacedMotionCameras()
    {
        using var folder = new TempDirectory();
        var scene = await DemoScenes.EnsureAsync(folder.FullPath, TestScenes.Tiny, cancellationToken: Token);
        var specs = scene.CameraSpecs();
        Assert.Equal(["synth-1", "synth-2"], specs.Select(s => s.Id));
        Assert.All(specs, s =>
        {
            Assert.True(s.Loop && s.Paced);
            Assert.Equal(Contracts.DetectorKinds.Motion, s.Detector);
            Assert.True(Path.IsPathFullyQualified(s.Source) && File.Exists(s.Source));
            Contracts.CameraIds.Validate(s.Id);
        });
    }

    [Fact]
    public async Task BadArgumentsAreRefusedBeforeAnythingIsWritten()
    {
        using var folder = new TempDirectory();
        await Assert.ThrowsAsync<ArgumentException>(() => DemoScenes.EnsureAsync(" ", TestScenes.Tiny, cancellationToken: Token));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => DemoScenes.EnsureAsync(folder.FullPath, TestScenes.Tiny with { FramesPerSecond = 0 }, cancellationToken: Token));
        Assert.Empty(Directory.GetFileSystemEntries(folder.FullPath));
    }
}
