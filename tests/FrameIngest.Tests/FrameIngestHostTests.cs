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
        await Eventually.WaitUntilAsync(() => published.Count >= 5, Deadline, () => $"{published.Count} frames published", ct);
        var view = await site.Directory.GetAsync("entrance", ct);
        Assert.Equal(CameraState.Streaming, view!.Health.State);
        Assert.True(view.Health.FramesPublished >= 5);

        Assert.True(await site.Directory.RemoveAsync("entrance", ct));
        await Eventually.WaitUntilAsync(() => site.Supervisor.GetHealth("entrance") is null, Deadline, () => "the worker still runs", ct);
        Assert.Null(await site.Directory.GetAsync("entrance", ct));

        // Stopped means stopped: the worker's task has ended, and every frame it counted is in the
        // stream (nobody reads it here), so the meter and the stream agree.
        Assert.Equal(published.Count, site.Frames.Backlog);
        Assert.Empty(site.Supervisor.Cameras);
    }

    [Fact]
    public async Task Registered_cameras_start_when_the_host_starts()
    {
        var ct = TestContext.Current.CancellationToken;
        var file = TestVideos.WriteNumberedAvi(_temp.PathOf("porch.avi"), frames: 20, fps: 10);
        var database = _temp.PathOf("site.db");
        await using (var first = await SiteHost.StartAsync(database, ct))
        {
            await first.Directory.AddAsync(new CameraSpec("porch", "Porch", file, SampleRate: 10, Paced: false), ct);
            await Eventually.WaitUntilAsync(() => first.Supervisor.GetHealth("porch") is { State: CameraState.Ended }, Deadline, () => "the first run ends", ct);
        }

        await using var second = await SiteHost.StartAsync(database, ct);
        await Eventually.WaitUntilAsync(
            () => second.Supervisor.GetHealth("porch") is { State: CameraState.Ended, FramesPublished: 20 },
            Deadline,
            () => $"after restart: {second.Supervisor.GetHealth("porch")}",
            ct);
        Assert.Equal(["porch"], second.Supervisor.Cameras);
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
        await Eventually.WaitUntilAsync(() => site.Supervisor.GetHealth("good") is { State: CameraState.Streaming }, Deadline, () => "good streams", ct);
        var healthy = await check.CheckHealthAsync(new HealthCheckContext(), ct);
        Assert.Equal(HealthStatus.Healthy, healthy.Status);

        await site.Directory.AddAsync(new CameraSpec("broken", "Broken", corrupt), ct);
        await Eventually.WaitUntilAsync(() => site.Supervisor.GetHealth("broken") is { State: CameraState.Reconnecting }, Deadline, () => "broken reconnects", ct);
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
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(ct));
        Assert.Contains("ReconnectMultiplier must be a number of at least 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("StallTimeout must be positive", error.Message, StringComparison.Ordinal);
        Assert.Contains("RtspTransport must be one of tcp, udp, udp_multicast, http", error.Message, StringComparison.Ordinal);
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
