using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.PersonCrop.Detection;
using VfeTps.Stream.PersonCrop.Stage;
using VfeTps.Stream.PersonCrop.Tests.Support;

namespace VfeTps.Stream.PersonCrop.Tests.Stage;

/// <summary>A camera whose detector cannot keep up: live frames are dropped, file frames wait.</summary>
public sealed class LiveCameraTests
{
    private const string FramesDropped = "vfetps.personcrop.frames_dropped";
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_live_camera_that_cannot_keep_up_drops_its_oldest_frames_and_holds_up_no_other_camera()
    {
        var token = TestContext.Current.CancellationToken;
        var scene = new SyntheticScene();
        var clock = new FakeTimeProvider(Start);
        var stalled = new StalledDetector(DetectorKinds.Hog);
        using var factory = new InterceptingDetectorFactory(new PersonCropOptions());
        factory.Substitutes[DetectorKinds.Hog] = () => stalled;
        var logs = new RecordingLoggerProvider();
        await using var stage = await StageHost.StartAsync(configure: services => services
            .AddSingleton<IPersonDetectorFactory>(factory)
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<ILoggerProvider>(logs), cancellationToken: token);
        using var meters = new MeterRecorder(stage.Services);
        stage.Cameras.Set(new CameraSpec("cam-slow", "Lobby", "rtsp://lobby/stream", Detector: DetectorKinds.Hog));
        var fast = scene.Walk("cam-fast", 30, Start).Select(frame => frame with { Live = true }).ToList();
        var slow = Enumerable.Range(0, 60).Select(i => new FrameCaptured("cam-slow", i, Start.AddMilliseconds(100 * i), scene.Frame(), Live: true)).ToList();

        try
        {
            // Frame by frame, each camera's frame in turn: the fast camera's frame must be processed while the slow one is stuck.
            for (var i = 0; i < fast.Count; i++)
            {
                await stage.PublishAsync([slow[i], fast[i]], token);
                if (i == 0)
                    await Poll.UntilAsync(() => stalled.Seen.Count == 1, "The slow camera's first frame did not reach its detector", token);
                await Poll.UntilAsync(() => factory.DetectionsOf(DetectorKinds.Motion) > i, $"Frame {i} of the fast camera was not processed while the slow camera was stuck", token, seconds: 10);
                if (i == 20)
                    clock.Advance(CameraFrameQueue.DropReportInterval); // a second report of the slow camera's drops is due
            }

            await stage.ReadCropsUntilAsync(crop => crop.CameraId == "cam-fast", TimeSpan.FromSeconds(10), token);
            Assert.Single(stalled.Seen); // still stuck on its first frame
        }
        finally
        {
            stalled.Release();
        }

        await stage.FinishAsync(token);

        // One frame in the detector, the newest four queued: every older one was pushed out.
        const int capacity = 4;
        var slowCount = fast.Count;
        Assert.Equal([slow[0].Frame, .. slow.Skip(slowCount - capacity).Take(capacity).Select(frame => frame.Frame)], stalled.Seen);
        Assert.Equal(slowCount - 1 - capacity, meters.Sum(FramesDropped, "cam-slow", "behind"));
        Assert.Equal(0, meters.Sum(FramesDropped, "cam-fast"));
        Assert.Equal(fast.Count, factory.DetectionsOf(DetectorKinds.Motion));

        // Reported at a limited rate: at the first drop, then once the report interval had passed.
        var reports = logs.Entries.Where(entry => entry.Message.Contains("cam-slow is behind", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, reports.Count);
        Assert.All(reports, report => Assert.Equal(LogLevel.Warning, report.Level));
        Assert.Equal((1L, 1L), ((long)reports[0].Values["Dropped"]!, (long)reports[0].Values["Total"]!));
        Assert.Equal(21 - capacity, (long)reports[1].Values["Total"]!); // frames 1..21 sent, 4 queued, frame 0 in the detector
        Assert.Empty(stage.DeadLetters.Letters);
    }

    [Fact]
    public async Task Frames_of_a_file_wait_for_a_slow_camera_and_none_is_dropped()
    {
        var token = TestContext.Current.CancellationToken;
        var scene = new SyntheticScene();
        var stalled = new StalledDetector(DetectorKinds.Hog);
        using var factory = new InterceptingDetectorFactory(new PersonCropOptions());
        factory.Substitutes[DetectorKinds.Hog] = () => stalled;
        await using var stage = await StageHost.StartAsync(configure: services => services.AddSingleton<IPersonDetectorFactory>(factory), cancellationToken: token);
        using var meters = new MeterRecorder(stage.Services);
        stage.Cameras.Set(new CameraSpec("cam-file", "Import", "/videos/import.mp4", Detector: DetectorKinds.Hog));
        var frames = Enumerable.Range(0, 30).Select(i => new FrameCaptured("cam-file", i, Start.AddMilliseconds(100 * i), scene.Frame(), Live: false)).ToList();

        Task publishing;
        try
        {
            publishing = stage.PublishAsync(frames, token);
            // The camera's queue and the frame stream fill up, and the publisher waits (backpressure towards FrameIngest).
            await Poll.UntilAsync(() => stalled.Seen.Count == 1 && stage.Frames.Backlog == stage.Frames.Capacity, "The frame stream did not fill up behind the slow camera", token);
            Assert.False(publishing.IsCompleted);
        }
        finally
        {
            stalled.Release();
        }

        await publishing;
        await stage.FinishAsync(token);

        Assert.Equal(frames.Select(frame => frame.Frame), stalled.Seen);
        Assert.Equal(0, meters.Sum(FramesDropped));
    }
}
