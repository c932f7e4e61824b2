using OpenCvSharp;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.FrameIngest.Tests.Support;

namespace VfeTps.Stream.FrameIngest.Tests;

/// <summary>Video files read through OpenCvSharp: sampling, looping, pacing, backpressure and damaged files.</summary>
public sealed class FileCameraTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(5.0, 2)]
    [InlineData(2.5, 4)]
    [InlineData(10.0, 1)]
    [InlineData(30.0, 1)]
    public async Task A_10_fps_file_is_sampled_by_its_timestamps(double sampleRate, int everyNth)
    {
        var ct = TestContext.Current.CancellationToken;
        var file = TestVideos.WriteNumberedAvi(_temp.PathOf("ten-fps.avi"), frames: 50, fps: 10);
        await using var ingest = new IngestHarness();
        await ingest.StartAsync(new CameraSpec("gate", "Gate", file, sampleRate, Paced: false), ct);

        await ingest.WaitForAsync("gate", health => health.State == CameraState.Ended, Deadline, "the file ends");
        var expected = (50 + everyNth - 1) / everyNth;
        await Eventually.HoldsAsync(() => ingest.FramesOf("gate").Count >= expected, Deadline, () => $"{ingest.FramesOf("gate").Count} frames collected");

        var frames = ingest.FramesOf("gate");
        Assert.Equal(expected, frames.Count);
        Assert.Equal(Enumerable.Range(0, expected).Select(i => (long)i), frames.Select(frame => frame.Sequence));

        // An unpaced file waits for room downstream rather than lose frames: its frames say so.
        Assert.All(frames, frame => Assert.False(frame.Live));
        var spacing = TimeSpan.FromMilliseconds(100 * everyNth);
        for (var i = 1; i < frames.Count; i++)
        {
            Assert.Equal(spacing, frames[i].CaptureTime - frames[i - 1].CaptureTime);
        }

        // The kept frames are the right ones: frame k*n of the file, told apart by its grey level.
        for (var i = 0; i < frames.Count; i++)
        {
            Assert.Equal(160, frames[i].Frame.Width);
            Assert.Equal(120, frames[i].Frame.Height);
            var grey = frames[i].Frame.Bgr.Average(value => (double)value);
            Assert.InRange(grey, TestVideos.GreyOf(i * everyNth) - 3, TestVideos.GreyOf(i * everyNth) + 3);
        }

        var health = ingest.HealthOf("gate");
        Assert.Equal(expected, health.FramesPublished);
        Assert.Equal(0, health.FramesDropped);
        Assert.Null(health.LastError);
        Assert.Equal(frames[^1].CaptureTime, health.LastFrameAt);
    }

    [Fact]
    public async Task A_looped_file_keeps_its_capture_times_increasing_at_a_steady_pace()
    {
        var ct = TestContext.Current.CancellationToken;
        var file = TestVideos.WriteNumberedAvi(_temp.PathOf("short.avi"), frames: 10, fps: 10);
        await using var ingest = new IngestHarness();
        await ingest.StartAsync(new CameraSpec("loop", "Loop", file, SampleRate: 5, Loop: true, Paced: false), ct);

        // 10 frames at 5 per second of stream time are 5 samples per pass: 40 samples are 8 passes.
        await Eventually.HoldsAsync(() => ingest.FramesOf("loop").Count >= 40, Deadline, () => $"{ingest.FramesOf("loop").Count} frames");
        var frames = ingest.FramesOf("loop").Take(40).ToList();
        Assert.Equal(Enumerable.Range(0, 40).Select(i => (long)i), frames.Select(frame => frame.Sequence));
        for (var i = 1; i < frames.Count; i++)
        {
            Assert.Equal(TimeSpan.FromMilliseconds(200), frames[i].CaptureTime - frames[i - 1].CaptureTime);
        }

        // Each pass starts again at the file's first frame.
        Assert.InRange(frames[5].Frame.Bgr.Average(value => (double)value), TestVideos.GreyOf(0) - 3, TestVideos.GreyOf(0) + 3);
        Assert.Equal(CameraState.Streaming, ingest.HealthOf("loop").State);
    }

    [Fact]
    public async Task A_paced_file_is_delivered_at_its_frame_rate_like_a_live_camera()
    {
        var ct = TestContext.Current.CancellationToken;
        var file = TestVideos.WriteNumberedAvi(_temp.PathOf("paced.avi"), frames: 15, fps: 10);
        await using var ingest = new IngestHarness();
        var started = DateTimeOffset.UtcNow;
        await ingest.StartAsync(new CameraSpec("paced", "Paced", file, SampleRate: 10, Paced: true), ct);

        await ingest.WaitForAsync("paced", health => health.State == CameraState.Ended, Deadline, "the file ends");
        var elapsed = DateTimeOffset.UtcNow - started;

        // The collector may still be reading the last frames off the stream when the worker has ended.
        await Eventually.HoldsAsync(
            () => ingest.FramesOf("paced").Count == ingest.HealthOf("paced").FramesPublished, Deadline, () => "every published frame collected");
        var frames = ingest.FramesOf("paced");

        // 15 frames at 10 fps span 1.4 s of stream time; unpaced they would take a few milliseconds.
        Assert.True(elapsed >= TimeSpan.FromSeconds(1.3), $"a paced 1.5 s file finished in {elapsed.TotalSeconds:0.00} s");
        Assert.Equal(15, frames.Count);
        Assert.All(frames, frame => Assert.True(frame.Live, "a paced file is delivered like a live camera: a stage that is behind may drop its frames"));
        Assert.All(frames, frame => Assert.InRange(frame.CaptureTime, started - TimeSpan.FromSeconds(1), DateTimeOffset.UtcNow + TimeSpan.FromSeconds(0.2)));
    }

    [Fact]
    public async Task A_paced_camera_drops_frames_when_the_pipeline_is_full_and_keeps_decoding()
    {
        var ct = TestContext.Current.CancellationToken;
        var file = TestVideos.WriteNumberedAvi(_temp.PathOf("busy.avi"), frames: 20, fps: 20);

        // Nobody reads the stream: after one frame it is full.
        await using var ingest = new IngestHarness(capacity: 1, collect: false);
        await ingest.StartAsync(new CameraSpec("busy", "Busy", file, SampleRate: 20, Loop: true, Paced: true), ct);

        await ingest.WaitForAsync("busy", health => health.FramesDropped >= 10, Deadline, "ten dropped frames");
        var health = ingest.HealthOf("busy");
        Assert.Equal(1, health.FramesPublished);
        Assert.Equal(CameraState.Streaming, health.State);
        Assert.True(health.FramesPerSecondIn > 0, $"decoding stopped: {health}");
        Assert.Equal(1, ingest.Stream.Backlog);
    }

    [Fact]
    public async Task An_unpaced_file_waits_for_room_instead_of_dropping()
    {
        var ct = TestContext.Current.CancellationToken;
        var file = TestVideos.WriteNumberedAvi(_temp.PathOf("batch.avi"), frames: 20, fps: 10);
        await using var ingest = new IngestHarness(capacity: 2, collect: false);
        await ingest.StartAsync(new CameraSpec("batch", "Batch", file, SampleRate: 10, Paced: false), ct);

        await ingest.WaitForAsync("batch", health => health.FramesPublished == 2, Deadline, "two published frames");
        var sequences = new List<long>();
        await foreach (var frame in ingest.Stream.ReadAllAsync(ct))
        {
            sequences.Add(frame.Sequence);
            if (sequences.Count == 20)
            {
                break;
            }
        }

        Assert.Equal(Enumerable.Range(0, 20).Select(i => (long)i), sequences);
        await ingest.WaitForAsync("batch", health => health.State == CameraState.Ended, Deadline, "the file ends");
        Assert.Equal(0, ingest.HealthOf("batch").FramesDropped);
    }

    [Fact]
    public async Task A_corrupt_file_gets_a_clear_error_and_retries_while_other_cameras_go_on()
    {
        var ct = TestContext.Current.CancellationToken;
        var corrupt = TestVideos.WriteRandomBytes(_temp.PathOf("corrupt.avi"));
        var good = TestVideos.WriteNumberedAvi(_temp.PathOf("good.avi"), frames: 30, fps: 10);
        await using var ingest = new IngestHarness();
        await ingest.StartAsync(new CameraSpec("corrupt", "Corrupt", corrupt, Paced: false), ct);
        await ingest.StartAsync(new CameraSpec("good", "Good", good, SampleRate: 10, Paced: false), ct);

        await ingest.WaitForAsync("corrupt", health => health is { State: CameraState.Reconnecting, Reconnects: >= 2 }, Deadline, "reconnecting twice");
        await ingest.WaitForAsync("good", health => health.State == CameraState.Ended, Deadline, "the good file ends");

        var error = ingest.HealthOf("corrupt").LastError;
        Assert.NotNull(error);
        Assert.Contains("could not be opened as a video", error, StringComparison.Ordinal);
        Assert.Contains("corrupt.avi", error, StringComparison.Ordinal);
        Assert.NotNull(ingest.HealthOf("corrupt").LastErrorAt);
        Assert.Equal(0, ingest.HealthOf("corrupt").FramesPublished);
        Assert.Equal(30, ingest.HealthOf("good").FramesPublished);
        Assert.Null(ingest.HealthOf("good").LastError);
    }

    [Fact]
    public async Task A_truncated_file_is_read_as_far_as_it_goes_and_says_it_is_truncated()
    {
        var ct = TestContext.Current.CancellationToken;
        var whole = TestVideos.WriteNumberedAvi(_temp.PathOf("whole.avi"), frames: 50, fps: 10);
        var half = TestVideos.WriteTruncatedCopy(whole, _temp.PathOf("half.avi"));
        await using var ingest = new IngestHarness();
        await ingest.StartAsync(new CameraSpec("half", "Half", half, SampleRate: 10, Paced: false), ct);
        await ingest.StartAsync(new CameraSpec("whole", "Whole", whole, SampleRate: 10, Paced: false), ct);

        await ingest.WaitForAsync("half", health => health.State == CameraState.Ended, Deadline, "the truncated file ends");
        await ingest.WaitForAsync("whole", health => health.State == CameraState.Ended, Deadline, "the whole file ends");

        var health = ingest.HealthOf("half");
        Assert.NotNull(health.LastError);
        Assert.Contains("truncated or damaged", health.LastError, StringComparison.Ordinal);
        Assert.Contains("of its 50 frames", health.LastError, StringComparison.Ordinal);
        Assert.InRange(health.FramesPublished, 10, 40);
        Assert.Equal(50, ingest.HealthOf("whole").FramesPublished);
        Assert.Null(ingest.HealthOf("whole").LastError);
    }

    [Fact]
    public async Task A_truncated_mp4_without_its_index_cannot_be_opened_and_says_so()
    {
        var ct = TestContext.Current.CancellationToken;
        var whole = TestVideos.WriteH264Mp4(_temp.PathOf("whole.mp4"), seconds: 2);
        var half = TestVideos.WriteTruncatedCopy(whole, _temp.PathOf("half.mp4"));
        await using var ingest = new IngestHarness();
        await ingest.StartAsync(new CameraSpec("half-mp4", "Half", half, Paced: false), ct);

        await ingest.WaitForAsync("half-mp4", health => health.State == CameraState.Reconnecting && health.LastError is not null, Deadline, "an error");
        Assert.Contains("could not be opened as a video", ingest.HealthOf("half-mp4").LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_outside_the_source_is_contained_in_the_worker_which_keeps_retrying()
    {
        var ct = TestContext.Current.CancellationToken;
        var file = TestVideos.WriteNumberedAvi(_temp.PathOf("closed.avi"), frames: 5, fps: 10);
        await using var ingest = new IngestHarness(collect: false);

        // A completed stream refuses every event: publishing throws inside the worker.
        ingest.Stream.Complete();
        await ingest.StartAsync(new CameraSpec("closed", "Closed", file, Paced: false), ct);

        await ingest.WaitForAsync("closed", health => health is { State: CameraState.Reconnecting, Reconnects: >= 2 }, Deadline, "retrying");
        Assert.Contains("ChannelClosedException", ingest.HealthOf("closed").LastError, StringComparison.Ordinal);
        Assert.Contains(ingest.Logs.Lines, line => line.StartsWith("Error", StringComparison.Ordinal) && line.Contains("failed unexpectedly", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_file_says_it_does_not_exist()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var ingest = new IngestHarness();
        await ingest.StartAsync(new CameraSpec("missing", "Missing", _temp.PathOf("nowhere.avi"), Paced: false), ct);

        await ingest.WaitForAsync("missing", health => health.LastError is not null, Deadline, "an error");
        Assert.Contains("does not exist", ingest.HealthOf("missing").LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_greyscale_video_arrives_as_bgr()
    {
        var ct = TestContext.Current.CancellationToken;
        var path = _temp.PathOf("grey.avi");
        using (var writer = new VideoWriter(path, FourCC.MJPG, 10, new OpenCvSharp.Size(64, 48), isColor: false))
        {
            for (var i = 0; i < 5; i++)
            {
                using var grey = new Mat(48, 64, MatType.CV_8UC1, new Scalar(100));
                writer.Write(grey);
            }
        }

        await using var ingest = new IngestHarness();
        await ingest.StartAsync(new CameraSpec("grey", "Grey", path, SampleRate: 10, Paced: false), ct);
        await ingest.WaitForAsync("grey", health => health.State == CameraState.Ended, Deadline, "the file ends");
        var frame = Assert.Single(ingest.FramesOf("grey").Take(1));
        Assert.Equal(64 * 48 * 3, frame.Frame.Bgr.Length);
        Assert.InRange(frame.Frame.Bgr.Average(value => (double)value), 97, 103);
    }

    [Fact]
    public async Task Stopping_a_camera_ends_its_worker_and_forgets_its_health()
    {
        var ct = TestContext.Current.CancellationToken;
        var file = TestVideos.WriteNumberedAvi(_temp.PathOf("stop.avi"), frames: 10, fps: 10);
        await using var ingest = new IngestHarness();
        await ingest.StartAsync(new CameraSpec("stop", "Stop", file, Loop: true, Paced: true), ct);
        await ingest.WaitForAsync("stop", health => health.FramesPublished >= 2, Deadline, "two frames");

        Assert.True(await ingest.Supervisor.StopAsync("stop", ct));
        Assert.Null(ingest.Supervisor.GetHealth("stop"));
        Assert.False(await ingest.Supervisor.StopAsync("stop", ct));
        var count = ingest.FramesOf("stop").Count;

        // Starting it again restarts its sequence from 0; starting it twice with the same spec is a no-op.
        Assert.True(await ingest.Supervisor.StartAsync(new CameraSpec("stop", "Stop", file, Loop: true, Paced: true), ct));
        Assert.False(await ingest.Supervisor.StartAsync(new CameraSpec("stop", "Stop", file, Loop: true, Paced: true), ct));
        // The restarted worker's first frame has sequence 0 again (the collector may still have been
        // reading the first run's last frames when they were counted above, so look past them).
        await Eventually.HoldsAsync(
            () => ingest.FramesOf("stop").Skip(Math.Max(count, 1)).Any(frame => frame.Sequence == 0), Deadline, () => "no frame with sequence 0 after the restart");
    }
}
