using VfeTps.Stream.Contracts;
using VfeTps.Stream.FrameIngest.Tests.Support;

namespace VfeTps.Stream.FrameIngest.Tests;

/// <summary>Live RTSP cameras read through Debian's ffmpeg from a real (GStreamer) RTSP server.</summary>
public sealed class RtspCameraTests(RtspVideoFixture video) : IClassFixture<RtspVideoFixture>, IDisposable
{
    private const string Password = "s3cr3t-Pa55";
    private const string Token = "tok-9f8e7d6c";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task An_rtsp_camera_is_read_through_ffmpeg_sampled_and_timed_by_the_camera_clock()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RtspTestServer.StartAsync(_temp.FullPath, video.VideoPath, ct);
        await using var ingest = new IngestHarness();
        var url = server.Url($"viewer:{Password}", $"token={Token}");
        await ingest.StartAsync(new CameraSpec("street", "Street", url, SampleRate: 5), ct);

        await ingest.WaitForAsync("street", health => health.FramesPublished >= 20, Deadline, ct, "20 published frames");
        var health = ingest.HealthOf("street");
        var frames = ingest.FramesOf("street").Take(15).ToList();
        Assert.Equal(CameraState.Streaming, health.State);
        Assert.Null(health.LastError);
        Assert.Equal(0, health.FramesDropped);
        Assert.InRange(health.FramesPerSecondIn, 6, 14);
        Assert.InRange(health.FramesPerSecondOut, 3, 7);
        Assert.Equal(Enumerable.Range(0, 15).Select(i => (long)i), frames.Select(frame => frame.Sequence));
        Assert.All(frames, frame => Assert.Equal((320, 240, 320 * 240 * 3), (frame.Frame.Width, frame.Frame.Height, frame.Frame.Bgr.Length)));

        // Timed by the stream's timestamps, mapped onto the wall clock: 5 per second of a 10 fps stream, never in the future.
        for (var i = 1; i < frames.Count; i++)
        {
            var step = frames[i].CaptureTime - frames[i - 1].CaptureTime;
            Assert.InRange(step, TimeSpan.FromMilliseconds(150), TimeSpan.FromMilliseconds(300));
        }

        Assert.InRange(frames[^1].CaptureTime, DateTimeOffset.UtcNow - TimeSpan.FromSeconds(3), DateTimeOffset.UtcNow);
        Assert.NotNull(health.Lag);
        Assert.InRange(health.Lag.Value, TimeSpan.Zero, TimeSpan.FromSeconds(3));

        // ffmpeg echoed the URL on its stderr and the worker logged it: the secrets must appear nowhere.
        Assert.Contains(ingest.Logs.Lines, line => line.Contains($"rtsp://***:***@127.0.0.1:{server.Port}/cam?token=***", StringComparison.Ordinal));
        Assert.DoesNotContain(ingest.Logs.Lines, line => line.Contains(Password, StringComparison.Ordinal) || line.Contains(Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_camera_that_drops_reconnects_when_it_comes_back_while_another_camera_keeps_publishing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RtspTestServer.StartAsync(_temp.FullPath, video.VideoPath, ct);
        var other = TestVideos.WriteNumberedAvi(_temp.PathOf("other.avi"), frames: 20, fps: 10);
        await using var ingest = new IngestHarness();
        await ingest.StartAsync(new CameraSpec("door", "Door", server.Url($"admin:{Password}")), ct);
        await ingest.StartAsync(new CameraSpec("yard", "Yard", other, SampleRate: 10, Loop: true, Paced: true), ct);
        await ingest.WaitForAsync("door", health => health.FramesPublished >= 3, Deadline, ct, "streaming");

        server.Kill();
        await ingest.WaitForAsync("door", health => health.State == CameraState.Reconnecting && health.LastError is not null, Deadline, ct, "reconnecting");
        var yardBefore = ingest.HealthOf("yard").FramesPublished;
        await ingest.WaitForAsync("yard", health => health.FramesPublished >= yardBefore + 10, Deadline, ct, "the other camera publishing during the outage");
        var down = ingest.HealthOf("door");
        Assert.Equal(CameraState.Reconnecting, down.State);
        Assert.DoesNotContain(Password, down.LastError, StringComparison.Ordinal);
        Assert.NotNull(down.LastErrorAt);

        var publishedBefore = down.FramesPublished;
        await server.RestartAsync(ct);
        await ingest.WaitForAsync(
            "door",
            health => health.State == CameraState.Streaming && health.FramesPublished > publishedBefore,
            Deadline,
            ct,
            "streaming again");

        var up = ingest.HealthOf("door");
        Assert.True(up.Reconnects >= 1, $"reconnects: {up.Reconnects}");
        Assert.Equal(CameraState.Streaming, ingest.HealthOf("yard").State);

        // Sequences go on over the reconnection, and capture times never go back.
        var frames = ingest.FramesOf("door");
        Assert.Equal(Enumerable.Range(0, frames.Count).Select(i => (long)i), frames.Select(frame => frame.Sequence));
        Assert.All(frames.Zip(frames.Skip(1)), pair => Assert.True(pair.Second.CaptureTime > pair.First.CaptureTime));
        Assert.DoesNotContain(ingest.Logs.Lines, line => line.Contains(Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stalling_camera_is_noticed_by_the_stall_timeout_and_reconnected()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await RtspTestServer.StartAsync(_temp.FullPath, video.VideoPath, ct);
        await using var ingest = new IngestHarness(configure: options =>
        {
            options.StallTimeout = TimeSpan.FromSeconds(1.5);
            options.NetworkTimeout = TimeSpan.FromSeconds(30);
        });
        await ingest.StartAsync(new CameraSpec("hall", "Hall", server.Url()), ct);
        await ingest.WaitForAsync("hall", health => health.FramesPublished >= 3, Deadline, ct, "streaming");

        // Frozen, the server keeps its connections open but sends nothing: only the stall timeout can tell.
        server.Pause();
        await ingest.WaitForAsync("hall", health => health.State == CameraState.Reconnecting, Deadline, ct, "reconnecting after a stall");
        Assert.Contains("stalled", ingest.HealthOf("hall").LastError, StringComparison.Ordinal);

        server.Resume();
        var published = ingest.HealthOf("hall").FramesPublished;
        await ingest.WaitForAsync(
            "hall", health => health.State == CameraState.Streaming && health.FramesPublished > published, Deadline, ct, "streaming again");
        Assert.True(ingest.HealthOf("hall").Reconnects >= 1);
    }

    [Fact]
    public async Task A_camera_nobody_serves_reports_ffmpegs_error_without_credentials()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var ingest = new IngestHarness();
        var url = $"rtsp://admin:{Password}@127.0.0.1:{FreePort.Next()}/cam?password={Token}";
        await ingest.StartAsync(new CameraSpec("dead", "Dead", url), ct);

        await ingest.WaitForAsync("dead", health => health is { State: CameraState.Reconnecting, Reconnects: >= 1 }, Deadline, ct, "reconnecting");
        var error = ingest.HealthOf("dead").LastError;
        Assert.NotNull(error);
        Assert.Contains("Connection refused", error, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error, StringComparison.Ordinal);
        Assert.DoesNotContain(ingest.Logs.Lines, line => line.Contains(Password, StringComparison.Ordinal) || line.Contains(Token, StringComparison.Ordinal));
    }
}
