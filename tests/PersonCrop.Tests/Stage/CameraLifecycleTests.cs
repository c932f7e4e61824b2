using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.PersonCrop.Detection;
using VfeTps.Stream.PersonCrop.Tests.Support;

namespace VfeTps.Stream.PersonCrop.Tests.Stage;

/// <summary>When a camera's queue, detector and tracks go: removal, silence, the end of the frame stream.</summary>
public sealed class CameraLifecycleTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Frames_of_a_removed_camera_captured_before_its_removal_do_not_bring_it_back()
    {
        var token = TestContext.Current.CancellationToken;
        var scene = new SyntheticScene();
        var clock = new FakeTimeProvider(Start.AddSeconds(10));
        using var factory = new InterceptingDetectorFactory(new PersonCropOptions());
        var logs = new RecordingLoggerProvider();
        await using var stage = await StageHost.StartAsync(configure: services => services
            .AddSingleton<IPersonDetectorFactory>(factory)
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<ILoggerProvider>(logs), cancellationToken: token);
        using var meters = new MeterRecorder(stage.Services);
        // From a file: none is dropped for being late, so every frame reaches the stage.
        var frames = Enumerable.Range(0, 30).Select(i => new FrameCaptured("cam-a", i, Start.AddMilliseconds(200 * i), scene.Frame())).ToList();

        await stage.PublishAsync(frames.Take(10), token);
        await Poll.UntilAsync(() => factory.DetectionsOf(DetectorKinds.Motion) == 10, "cam-a's first frames were not processed", token);
        stage.Cameras.Remove("cam-a"); // what the CameraRemoved consumer does, at Start + 10 s
        await Poll.UntilAsync(() => factory.Disposed == 1, "cam-a's detector was not disposed on removal", token);

        // Frames captured before the removal, still in the stream, then another camera's frame behind them.
        stage.Cameras.Set(new CameraSpec("cam-b", "Yard", "rtsp://yard/stream", Detector: DetectorKinds.Hog));
        await stage.PublishAsync(frames.Skip(10), token);
        await stage.PublishAsync([new FrameCaptured("cam-b", 0, Start.AddSeconds(10), scene.Frame(), Live: true)], token);
        await Poll.UntilAsync(() => factory.DetectionsOf(DetectorKinds.Hog) == 1, "cam-b's frame was not processed", token);

        Assert.Equal([DetectorKinds.Motion, DetectorKinds.Hog], factory.Requested); // cam-a once, then cam-b: no second cam-a
        Assert.Equal(1, stage.Stage.ActiveCameraCount);
        Assert.Equal(20, meters.Sum("vfetps.personcrop.frames_dropped", "cam-a", "camera_removed"));
        Assert.Empty(stage.DeadLetters.Letters); // counted, not dead-lettered one by one
        Assert.Single(logs.Entries, entry => entry.Message.Contains("removed camera cam-a", StringComparison.Ordinal));

        // The camera added again: its new frames, captured after the removal, start it afresh.
        await stage.PublishAsync([new FrameCaptured("cam-a", 0, Start.AddSeconds(11), scene.Frame(), Live: true)], token);
        await Poll.UntilAsync(() => factory.DetectionsOf(DetectorKinds.Motion) == 11, "cam-a's frame after the removal was not processed", token);
        Assert.Equal(2, stage.Stage.ActiveCameraCount);
        await stage.FinishAsync(token);
    }

    [Fact]
    public async Task A_camera_silent_for_the_idle_timeout_is_let_go_with_its_last_shot_emitted()
    {
        var token = TestContext.Current.CancellationToken;
        var scene = new SyntheticScene();
        var clock = new FakeTimeProvider(Start);
        using var factory = new InterceptingDetectorFactory(new PersonCropOptions());
        var settings = new Dictionary<string, string?>
        {
            ["PersonCrop:BestShots:MinShotInterval"] = "01:00:00", // no second shot while the track lives
            ["PersonCrop:CameraIdleTimeout"] = "00:02:00",
        };
        await using var stage = await StageHost.StartAsync(
            settings,
            services => services.AddSingleton<IPersonDetectorFactory>(factory).AddSingleton<TimeProvider>(clock),
            token);
        using var meters = new MeterRecorder(stage.Services);
        var frames = scene.RiseFromBottomEdge("cam-a", 14, Start);

        await stage.PublishAsync(frames, token);
        var first = Assert.Single(await stage.ReadCropsUntilAsync(crop => crop.CameraId == "cam-a", TimeSpan.FromSeconds(30), token));
        await Poll.UntilAsync(() => factory.DetectionsOf(DetectorKinds.Motion) == frames.Count, "cam-a's frames were not all processed", token);
        Assert.Equal((0, 1), (first.ShotIndex, stage.Stage.ActiveCameraCount));

        // The camera stops sending; its better shot is still pending.
        clock.Advance(TimeSpan.FromMinutes(2.5));

        var late = Assert.Single(await stage.ReadCropsUntilAsync(crop => crop.CameraId == "cam-a", TimeSpan.FromSeconds(30), token));
        Assert.Equal((first.TrackId, 1), (late.TrackId, late.ShotIndex));
        Assert.True(late.Quality >= first.Quality + 0.1f, $"shot 1 ({late.Quality}) should clearly beat shot 0 ({first.Quality}), cut off by the edge");
        await Poll.UntilAsync(() => stage.Stage.ActiveCameraCount == 0 && factory.Disposed == 1, "cam-a's queue and detector were not released", token);
        Assert.Equal(1, meters.Sum("vfetps.personcrop.cameras_released"));
        Assert.NotNull(await stage.Blobs.GetAsync(late.CropKey, token));

        // A later frame starts the camera afresh.
        await stage.PublishAsync([new FrameCaptured("cam-a", 0, Start.AddMinutes(3), scene.Frame(), Live: true)], token);
        await Poll.UntilAsync(() => stage.Stage.ActiveCameraCount == 1 && factory.Requested.Count == 2, "cam-a did not start again", token);
        Assert.Empty(await stage.FinishAsync(token));
        Assert.Empty(stage.DeadLetters.Letters);
    }

    [Fact]
    public async Task When_the_frame_stream_completes_the_stage_returns_only_after_every_camera_s_last_shots_are_published()
    {
        var token = TestContext.Current.CancellationToken;
        var scene = new SyntheticScene();
        using var factory = new InterceptingDetectorFactory(new PersonCropOptions());
        var settings = new Dictionary<string, string?> { ["PersonCrop:BestShots:MinShotInterval"] = "01:00:00" };
        await using var stage = await StageHost.StartAsync(settings, services => services.AddSingleton<IPersonDetectorFactory>(factory), token);
        var live = scene.RiseFromBottomEdge("cam-live", 14, Start, live: true);
        var file = scene.RiseFromBottomEdge("cam-file", 14, Start.AddMinutes(1), live: false);

        for (var i = 0; i < live.Count; i++)
        {
            await stage.PublishAsync([live[i], file[i]], token);
            // At the camera's pace: a live frame that found its camera's queue full would be dropped.
            await Poll.UntilAsync(() => factory.DetectionsOf(DetectorKinds.Motion) >= 2 * i, $"Frame {i - 1} was not processed", token);
        }

        stage.Frames.Complete(); // as the host does on shutdown
        var finished = await Task.WhenAny(stage.Stage.ExecuteTask!, Task.Delay(TimeSpan.FromSeconds(60), token));
        Assert.True(finished == stage.Stage.ExecuteTask, "The stage did not return within 60 s of the frame stream's end.");
        await stage.Stage.ExecuteTask!;

        // Everything is already in the crop stream when the stage returns: the tracks' last shots included.
        var crops = new List<PersonCropped>();
        while (stage.Crops.TryRead(out var crop))
            crops.Add(crop);
        foreach (var camera in new[] { "cam-live", "cam-file" })
            Assert.Equal([0, 1], crops.Where(crop => crop.CameraId == camera).Select(crop => crop.ShotIndex));
        Assert.Equal(0, stage.Stage.ActiveCameraCount);
        Assert.Equal(2, factory.Disposed);
        Assert.Empty(stage.DeadLetters.Letters);
    }
}
