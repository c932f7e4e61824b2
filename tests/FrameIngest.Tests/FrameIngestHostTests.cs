using System.Diagnostics.Metrics;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.FrameIngest.Cameras;
using VfeTps.Stream.FrameIngest.Tests.Support;
using VfeTps.Stream.Messaging;
using VfeTps.Stream.Storage;

namespace VfeTps.Stream.FrameIngest.Tests;

/// <summary>FrameIngest in a generic host with MassTransit's in-memory bus: changes without restart, start-up, health, options.</summary>
public sealed class FrameIngestHostTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Adding_a_camera_starts_its_worker_and_removing_it_stops_it_without_a_restart()
    {
        var ct = TestContext.Current.CancellationToken;
        var file = TestVideos.WriteNumberedAvi(_temp.PathOf("entrance.avi"), frames: 10, fps: 10);
        await using var site = await SiteHost.StartAsync(_temp.PathOf("site.db"), ct);
        using var published = new PublishedFrames("entrance");

        var added = await site.Directory.AddAsync(new CameraSpec("entrance", "Entrance", file, SampleRate: 10, Loop: true), ct);
        Assert.Equal("entrance", added.Id);
        await Eventually.HoldsAsync(() => published.Count >= 5, Deadline, () => $"{published.Count} frames published");
        var view = await site.Directory.GetAsync("entrance", ct);
        Assert.Equal(CameraState.Streaming, view!.Health.State);
        Assert.True(view.Health.FramesPublished >= 5);

        Assert.True(await site.Directory.RemoveAsync("entrance", ct));
        await Eventually.HoldsAsync(() => site.Supervisor.GetHealth("entrance") is null, Deadline, () => "the worker still runs");
        Assert.Null(await site.Directory.GetAsync("entrance", ct));

        // Stopped means stopped: the worker's task has ended, and every frame it counted is in the
        // stream (nobody reads it here), so the meter and the stream agree.
        Assert.Equal(published.Count, site.Frames.Backlog);
        Assert.Empty(site.Supervisor.Cameras);
    }

    [Fact]
    public async Task Registered_cameras_start_when_the_host_starts_and_a_looped_file_counts_from_its_opening()
    {
        var ct = TestContext.Current.CancellationToken;
        var file = TestVideos.WriteNumberedAvi(_temp.PathOf("porch.avi"), frames: 10, fps: 10);
        var database = _temp.PathOf("site.db");
        await using (var first = await SiteHost.StartAsync(database, ct))
        {
            await first.Directory.AddAsync(new CameraSpec("porch", "Porch", file, SampleRate: 10, Loop: true), ct);
            await Eventually.HoldsAsync(() => first.Supervisor.GetHealth("porch") is { FramesPublished: >= 2 }, Deadline, () => "the first run streams");
        }

        // A demo camera is live-like: after a restart its capture times go on from the wall clock, not from its registration.
        var restarted = DateTimeOffset.UtcNow;
        await using var second = await SiteHost.StartAsync(database, ct);
        await Eventually.HoldsAsync(
            () => second.Supervisor.GetHealth("porch") is { State: CameraState.Streaming, FramesPublished: >= 2 },
            Deadline,
            () => $"after restart: {second.Supervisor.GetHealth("porch")}");
        Assert.Equal(["porch"], second.Supervisor.Cameras);
        var frame = await FirstFrameAsync(second.Frames, ct);
        Assert.True(frame.Live);
        Assert.InRange(frame.CaptureTime, restarted - TimeSpan.FromMilliseconds(1), DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task An_unlooped_file_read_again_after_a_restart_gets_the_same_capture_times_and_once_ended_is_not_read_again()
    {
        var ct = TestContext.Current.CancellationToken;
        var file = TestVideos.WriteNumberedAvi(_temp.PathOf("archive.avi"), frames: 20, fps: 10);
        var database = _temp.PathOf("site.db");

        // First run: nobody reads the frame stream (4 places), so the file stops at its fifth frame; the host stops there.
        CameraView registered;
        InProcessEventStream<FrameCaptured> firstFrames;
        await using (var first = await SiteHost.StartAsync(database, ct, capacity: 4))
        {
            registered = await first.Directory.AddAsync(new CameraSpec("archive", "Archive", file, SampleRate: 10, Paced: false), ct);
            await Eventually.HoldsAsync(() => first.Frames.Backlog == 4, Deadline, () => $"{first.Frames.Backlog} frames waiting");
            Assert.Equal(CameraState.Streaming, first.Supervisor.GetHealth("archive")!.State);
            firstFrames = first.Frames;
        }

        var firstRun = await TakeAsync(firstFrames, 4, ct);

        // Second run: read from the start again, with the same capture times (registration time + position):
        // PersonCrop derives the same track and crop ids, so the crops are upserted rather than indexed twice.
        var secondRun = new List<FrameCaptured>();
        await using (var second = await SiteHost.StartAsync(database, ct))
        {
            await Eventually.HoldsAsync(
                () => second.Supervisor.GetHealth("archive") is { State: CameraState.Ended }, Deadline, () => $"{second.Supervisor.GetHealth("archive")}");
            secondRun.AddRange(await TakeAsync(second.Frames, 20, ct));
            Assert.Equal(0, second.Frames.Backlog);
        }

        Assert.Equal(Enumerable.Range(0, 20).Select(i => registered.AddedAt + TimeSpan.FromMilliseconds(100 * i)), secondRun.Select(frame => frame.CaptureTime));
        Assert.Equal(firstRun.Select(frame => frame.CaptureTime), secondRun.Take(4).Select(frame => frame.CaptureTime));
        Assert.All(firstRun.Concat(secondRun), frame => Assert.False(frame.Live));

        // Third run: the file was read to its end, which the registry remembers: it is not read again, and says so.
        await using var third = await SiteHost.StartAsync(database, ct);
        Assert.Empty(third.Supervisor.Cameras);
        var view = await third.Directory.GetAsync("archive", ct);
        Assert.Equal((CameraState.Ended, 20L, secondRun[^1].CaptureTime), (view!.Health.State, view.Health.FramesPublished, view.Health.LastFrameAt));
        Assert.Contains(third.Logs.Lines, line => line.Contains("read to the end before; not started again", StringComparison.Ordinal));
        Assert.Equal(0, third.Frames.Backlog);
    }

    [Fact]
    public async Task The_health_check_is_degraded_while_a_camera_reconnects_and_healthy_otherwise()
    {
        var ct = TestContext.Current.CancellationToken;
        var good = TestVideos.WriteNumberedAvi(_temp.PathOf("good.avi"), frames: 10, fps: 10);
        var corrupt = TestVideos.WriteRandomBytes(_temp.PathOf("corrupt.mp4"));
        await using var site = await SiteHost.StartAsync(_temp.PathOf("site.db"), ct);
        var check = site.Host.Services.GetRequiredService<FrameIngestHealthCheck>();

        await site.Directory.AddAsync(new CameraSpec("good", "Good", good, Loop: true), ct);
        await Eventually.HoldsAsync(() => site.Supervisor.GetHealth("good") is { State: CameraState.Streaming }, Deadline, () => "good streams");
        var healthy = await check.CheckHealthAsync(new HealthCheckContext(), ct);
        Assert.Equal(HealthStatus.Healthy, healthy.Status);

        await site.Directory.AddAsync(new CameraSpec("broken", "Broken", corrupt), ct);
        await Eventually.HoldsAsync(() => site.Supervisor.GetHealth("broken") is { State: CameraState.Reconnecting }, Deadline, () => "broken reconnects");
        var degraded = await check.CheckHealthAsync(new HealthCheckContext(), ct);
        Assert.Equal(HealthStatus.Degraded, degraded.Status);
        Assert.Contains("broken", degraded.Description, StringComparison.Ordinal);
        Assert.Equal(1, degraded.Data["Reconnecting"]);

        var view = await site.Directory.GetAsync("broken", ct);
        Assert.Contains("could not be opened as a video", view!.Health.LastError, StringComparison.Ordinal);
        Assert.Equal(CameraState.Streaming, (await site.Directory.GetAsync("good", ct))!.Health.State);
    }

    [Fact]
    public async Task Options_are_bound_from_configuration()
    {
        var ct = TestContext.Current.CancellationToken;
        using var host = SiteHost.Build(_temp.PathOf("site.db"), new InProcessEventStream<FrameCaptured>(4), new CapturingLoggerProvider(), new Dictionary<string, string?>
        {
            ["FrameIngest:StallTimeout"] = "00:00:07",
            ["FrameIngest:HardwareDecoding"] = "true",
            ["FrameIngest:RtspTransport"] = "udp",
        });
        await host.StartAsync(ct);
        var options = host.Services.GetRequiredService<IOptions<FrameIngestOptions>>().Value;
        Assert.Equal((TimeSpan.FromSeconds(7), true, "udp"), (options.StallTimeout, options.HardwareDecoding, options.RtspTransport));
        await host.StopAsync(ct);
    }

    [Fact]
    public async Task Invalid_options_stop_the_host_from_starting_with_every_problem_named()
    {
        var ct = TestContext.Current.CancellationToken;
        using var host = SiteHost.Build(_temp.PathOf("site.db"), new InProcessEventStream<FrameCaptured>(4), new CapturingLoggerProvider(), new Dictionary<string, string?>
        {
            ["FrameIngest:ReconnectMultiplier"] = "0.5",
            ["FrameIngest:StallTimeout"] = "-00:00:01",
            ["FrameIngest:RtspTransport"] = "carrier-pigeon",
            ["FrameIngest:AnnounceTimeout"] = "00:00:00",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(ct));
        Assert.Contains("ReconnectMultiplier must be a number of at least 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("StallTimeout must be positive", error.Message, StringComparison.Ordinal);
        Assert.Contains("RtspTransport must be one of tcp, udp, udp_multicast, http", error.Message, StringComparison.Ordinal);
        Assert.Contains("AnnounceTimeout must be positive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_consumers_start_workers_with_the_registered_source_and_ignore_announcements_of_unregistered_cameras()
    {
        var ct = TestContext.Current.CancellationToken;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new SiteDatabase(_temp.PathOf("site.db")));
        services.AddSingleton<IEventPublisher<FrameCaptured>>(new InProcessEventStream<FrameCaptured>(16));
        services.AddFrameIngest(new ConfigurationBuilder().Build());
        services.AddMassTransitTestHarness(bus => bus.AddFrameIngestConsumers());
        await using var provider = services.BuildServiceProvider();
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        var directory = provider.GetRequiredService<ICameraDirectory>();
        var supervisor = provider.GetRequiredService<CameraSupervisor>();

        // Nobody serves this port: the worker keeps reconnecting, which is all this test needs.
        var source = $"rtsp://viewer:pw-{Guid.NewGuid():N}@127.0.0.1:{FreePort.Next()}/cam";
        await directory.AddAsync(new CameraSpec("side", "Side", source), ct);
        Assert.True(await harness.Consumed.Any<CameraAdded>(message => message.Context.Message.Camera.Id == "side", ct));
        Assert.Equal(source, supervisor.SpecOf("side")?.Source);

        await harness.Bus.Publish(new CameraAdded(new CameraSpec("ghost", "Ghost", source)), ct);
        Assert.True(await harness.Consumed.Any<CameraAdded>(message => message.Context.Message.Camera.Id == "ghost", ct));
        Assert.Null(supervisor.GetHealth("ghost"));

        Assert.True(await directory.RemoveAsync("side", ct));
        Assert.True(await harness.Consumed.Any<CameraRemoved>(message => message.Context.Message.CameraId == "side", ct));
        Assert.Null(supervisor.GetHealth("side"));
        await supervisor.StopAllAsync();
    }

    [Fact]
    public async Task A_removal_whose_request_is_cancelled_right_after_the_commit_still_stops_the_worker()
    {
        var ct = TestContext.Current.CancellationToken;
        var file = TestVideos.WriteNumberedAvi(_temp.PathOf("hall.avi"), frames: 10, fps: 10);
        using var request = CancellationTokenSource.CreateLinkedTokenSource(ct);

        // The caller gives up (the HTTP request is aborted) just after the registry committed the removal.
        await using var site = await SiteHost.StartAsync(_temp.PathOf("site.db"), ct, bus: bus => InterceptedBus.Wrap(bus, async (message, _) =>
        {
            if (message is CameraRemoved)
            {
                await request.CancelAsync();
            }
        }));
        await site.Directory.AddAsync(new CameraSpec("hall", "Hall", file, Loop: true), ct);
        await Eventually.HoldsAsync(() => site.Supervisor.GetHealth("hall") is { FramesPublished: >= 1 }, Deadline, () => "hall streams");

        Assert.True(await site.Directory.RemoveAsync("hall", request.Token));
        Assert.True(request.IsCancellationRequested);
        await Eventually.HoldsAsync(() => site.Supervisor.GetHealth("hall") is null, Deadline, () => $"the worker still runs: {site.Supervisor.GetHealth("hall")}");
        Assert.Null(await site.Directory.GetAsync("hall", ct));
    }

    [Fact]
    public async Task A_registration_whose_request_is_cancelled_right_after_the_commit_still_starts_the_worker()
    {
        var ct = TestContext.Current.CancellationToken;
        var file = TestVideos.WriteNumberedAvi(_temp.PathOf("lobby.avi"), frames: 10, fps: 10);
        using var request = CancellationTokenSource.CreateLinkedTokenSource(ct);
        await using var site = await SiteHost.StartAsync(_temp.PathOf("site.db"), ct, bus: bus => InterceptedBus.Wrap(bus, async (message, _) =>
        {
            if (message is CameraAdded)
            {
                await request.CancelAsync();
            }
        }));

        var added = await site.Directory.AddAsync(new CameraSpec("lobby", "Lobby", file, Loop: true), request.Token);
        Assert.Equal("lobby", added.Id);
        await Eventually.HoldsAsync(() => site.Supervisor.GetHealth("lobby") is { FramesPublished: >= 1 }, Deadline, () => "lobby never streamed");
        Assert.NotNull(await site.Directory.GetAsync("lobby", ct));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_removal_that_cannot_be_announced_stops_the_local_worker_directly(bool hang)
    {
        var ct = TestContext.Current.CancellationToken;
        var file = TestVideos.WriteNumberedAvi(_temp.PathOf("yard.avi"), frames: 10, fps: 10);
        var settings = new Dictionary<string, string?> { ["FrameIngest:AnnounceTimeout"] = "00:00:00.500" };
        await using var site = await SiteHost.StartAsync(_temp.PathOf("site.db"), ct, settings: settings, bus: bus => InterceptedBus.Wrap(bus, async (message, token) =>
        {
            if (message is not CameraRemoved)
            {
                return;
            }

            if (hang)
            {
                // A bus that never takes the message: only the announcement timeout ends the wait.
                await Task.Delay(Timeout.Infinite, token);
            }

            throw new IOException("the broker went away");
        }));
        await site.Directory.AddAsync(new CameraSpec("yard", "Yard", file, Loop: true), ct);
        await Eventually.HoldsAsync(() => site.Supervisor.GetHealth("yard") is { FramesPublished: >= 1 }, Deadline, () => "yard streams");

        Assert.True(await site.Directory.RemoveAsync("yard", ct).WaitAsync(TimeSpan.FromSeconds(20), ct));
        Assert.Null(site.Supervisor.GetHealth("yard"));
        Assert.Null(await site.Directory.GetAsync("yard", ct));
        Assert.Contains(site.Logs.Lines, line => line.StartsWith("Warning", StringComparison.Ordinal) && line.Contains("yard was unregistered but announcing it failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_registration_that_cannot_be_announced_is_undone_and_is_no_conflict()
    {
        var ct = TestContext.Current.CancellationToken;
        var file = TestVideos.WriteNumberedAvi(_temp.PathOf("gate.avi"), frames: 10, fps: 10);
        await using var site = await SiteHost.StartAsync(_temp.PathOf("site.db"), ct, bus: bus => InterceptedBus.Wrap(bus, (message, _) =>
            message is CameraAdded { Camera.Id: "gate" } ? throw new IOException("the broker went away") : Task.CompletedTask));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => site.Directory.AddAsync(new CameraSpec("gate", "Gate", file, Loop: true), ct));
        Assert.Contains("'gate' was not registered", error.Message, StringComparison.Ordinal);
        Assert.IsType<IOException>(error.InnerException);
        Assert.Null(await site.Directory.GetAsync("gate", ct));
        Assert.Null(site.Supervisor.GetHealth("gate"));
        Assert.Contains(site.Logs.Lines, line => line.Contains("the registration was undone", StringComparison.Ordinal));

        // Nothing was left behind: another camera registers normally.
        await site.Directory.AddAsync(new CameraSpec("gate-2", "Gate 2", file, Loop: true), ct);
        Assert.NotNull(await site.Directory.GetAsync("gate-2", ct));
    }

    private static async Task<FrameCaptured> FirstFrameAsync(InProcessEventStream<FrameCaptured> frames, CancellationToken cancellationToken) =>
        (await TakeAsync(frames, 1, cancellationToken))[0];

    /// <summary>The next frames waiting in a stream (a deadline, not a hang, when they never come).</summary>
    private static async Task<List<FrameCaptured>> TakeAsync(InProcessEventStream<FrameCaptured> frames, int count, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Deadline);
        var taken = new List<FrameCaptured>();
        await foreach (var frame in frames.ReadAllAsync(deadline.Token))
        {
            taken.Add(frame);
            if (taken.Count == count)
            {
                break;
            }
        }

        return taken;
    }

    /// <summary>Counts frames_published for one camera through the real meter (measurements of other tests' cameras are ignored).</summary>
    private sealed class PublishedFrames : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _count;

        public PublishedFrames(string cameraId)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == FrameIngestMetrics.MeterName && instrument.Name == "vfetps.frame_ingest.frames_published")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "camera" && Equals(tag.Value, cameraId))
                    {
                        Interlocked.Add(ref _count, value);
                    }
                }
            });
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }
}
