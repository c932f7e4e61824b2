using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.FrameIngest.Cameras;
using VfeTps.Stream.Messaging;

namespace VfeTps.Stream.FrameIngest.Tests.Support;

/// <summary>
/// A real camera supervisor publishing into a real bounded in-process stream, with a collector
/// reading the stream (unless told not to), captured logs and fast reconnection settings.
/// </summary>
internal sealed class IngestHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _collector;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FrameCaptured>> _frames = new();

    public IngestHarness(int capacity = 64, bool collect = true, Action<FrameIngestOptions>? configure = null)
    {
        Stream = new InProcessEventStream<FrameCaptured>(capacity);
        var options = FastOptions();
        configure?.Invoke(options);
        Options = options;
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        services.AddMetrics();
        services.AddSingleton<IEventPublisher<FrameCaptured>>(Stream);
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<FrameIngestMetrics>();
        services.AddSingleton<CameraSupervisor>();
        _services = services.BuildServiceProvider();
        Supervisor = _services.GetRequiredService<CameraSupervisor>();
        _collector = collect ? Task.Run(CollectAsync) : Task.CompletedTask;
    }

    public InProcessEventStream<FrameCaptured> Stream { get; }

    public FrameIngestOptions Options { get; }

    public CameraSupervisor Supervisor { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>Settings that make failures and reconnections quick enough for tests.</summary>
    public static FrameIngestOptions FastOptions() => new()
    {
        ReconnectInitialDelay = TimeSpan.FromMilliseconds(100),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(500),
        StallTimeout = TimeSpan.FromSeconds(3),
        ConnectTimeout = TimeSpan.FromSeconds(15),
        NetworkTimeout = TimeSpan.FromSeconds(3),
    };

    public IReadOnlyList<FrameCaptured> FramesOf(string cameraId) =>
        _frames.TryGetValue(cameraId, out var frames) ? [.. frames] : [];

    public CameraHealth HealthOf(string cameraId) => Supervisor.GetHealth(cameraId) ?? CameraHealth.NotStarted;

    public Task StartAsync(CameraSpec spec, CancellationToken cancellationToken) => Supervisor.StartAsync(spec, cancellationToken);

    /// <summary>Waits for the camera's health to satisfy a condition (or the test's cancellation), describing the health at the deadline.</summary>
    public Task WaitForAsync(string cameraId, Func<CameraHealth, bool> condition, TimeSpan timeout, string? what = null) =>
        Eventually.HoldsAsync(
            () => condition(HealthOf(cameraId)),
            timeout,
            () => $"{what ?? "condition"} on camera {cameraId}; health is {HealthOf(cameraId)}");

    public async ValueTask DisposeAsync()
    {
        await Supervisor.StopAllAsync();
        await _stop.CancelAsync();
        try
        {
            await _collector;
        }
        catch (OperationCanceledException)
        {
            // The collector stops by cancellation.
        }

        await _services.DisposeAsync();
        _stop.Dispose();
    }

    private async Task CollectAsync()
    {
        await foreach (var frame in Stream.ReadAllAsync(_stop.Token))
        {
            _frames.GetOrAdd(frame.CameraId, _ => new ConcurrentQueue<FrameCaptured>()).Enqueue(frame);
        }
    }
}
