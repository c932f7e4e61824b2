using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.Messaging;

namespace VfeTps.Stream.FrameIngest.Cameras;

/// <summary>
/// Owns the camera workers: one per camera, each on its own task, started and stopped without a
/// restart (by the registry's control events and at host start). Starting is idempotent; starting
/// a camera again with a changed spec restarts its worker.
/// </summary>
public sealed class CameraSupervisor : ICameraHealthSource, IAsyncDisposable
{
    private readonly Dictionary<string, CameraWorker> _workers = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _changes = new(1, 1);
    private readonly IEventPublisher<FrameCaptured> _publisher;
    private readonly FrameIngestOptions _options;
    private readonly FrameIngestMetrics _metrics;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public CameraSupervisor(
        IEventPublisher<FrameCaptured> publisher,
        IOptions<FrameIngestOptions> options,
        FrameIngestMetrics metrics,
        ILoggerFactory loggerFactory,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        ArgumentNullException.ThrowIfNull(time);
        _publisher = publisher;
        _options = options.Value.Clone();
        _metrics = metrics;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<CameraSupervisor>();
        _time = time;
    }

    /// <summary>The ids of the cameras that have a worker (running, reconnecting or ended).</summary>
    public IReadOnlyList<string> Cameras
    {
        get
        {
            lock (_workers)
            {
                return [.. _workers.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>
    /// Starts the camera's worker. False when a worker with the same spec exists already (nothing
    /// to do); a worker with a different spec is stopped and replaced.
    /// </summary>
    public Task<bool> StartAsync(CameraSpec spec, CancellationToken cancellationToken) => StartAsync(spec, registeredAt: null, ended: null, cancellationToken);

    /// <summary>
    /// Starts the worker of a registered camera. False when a worker with the same spec and
    /// registration exists already (nothing to do); any other worker of that id is stopped and replaced.
    /// </summary>
    /// <param name="spec">The camera, with its real source.</param>
    /// <param name="registeredAt">
    /// When the camera was registered: an unlooped file's capture times count from it, so that reading
    /// the file again gives the same capture times (and crop ids). Null: from the worker's start.
    /// </param>
    /// <param name="ended">Called once, on the worker's task, with the final health when an unlooped file has been read to its end.</param>
    /// <param name="cancellationToken">Cancels waiting for other starts and stops.</param>
    public async Task<bool> StartAsync(CameraSpec spec, DateTimeOffset? registeredAt, Action<CameraHealth>? ended, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        CameraIds.Validate(spec.Id);
        await _changes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            CameraWorker? previous;
            lock (_workers)
            {
                _workers.TryGetValue(spec.Id, out previous);
            }

            if (previous is not null)
            {
                if (previous.Spec == spec && previous.RegisteredAt == registeredAt && previous.Health.State != CameraState.Stopped)
                {
                    return false;
                }

                await previous.StopAsync().ConfigureAwait(false);
            }

            var logger = _loggerFactory.CreateLogger($"{typeof(CameraWorker).FullName}.{spec.Id}");
            var worker = new CameraWorker(spec, _publisher, _options, _metrics, logger, _time, registeredAt, ended);
            lock (_workers)
            {
                _workers[spec.Id] = worker;
            }

            worker.Start();
            return true;
        }
        finally
        {
            _changes.Release();
        }
    }

    /// <summary>Stops the camera's worker and forgets it; false when there was none.</summary>
    public async Task<bool> StopAsync(string cameraId, CancellationToken cancellationToken)
    {
        await _changes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            CameraWorker? worker;
            lock (_workers)
            {
                if (!_workers.Remove(cameraId, out worker))
                {
                    return false;
                }
            }

            await worker.StopAsync().ConfigureAwait(false);
            return true;
        }
        finally
        {
            _changes.Release();
        }
    }

    /// <summary>Stops every worker (host shutdown), in parallel.</summary>
    public async Task StopAllAsync()
    {
        await _changes.WaitAsync().ConfigureAwait(false);
        try
        {
            CameraWorker[] workers;
            lock (_workers)
            {
                workers = [.. _workers.Values];
                _workers.Clear();
            }

            await Task.WhenAll(workers.Select(worker => worker.StopAsync())).ConfigureAwait(false);
        }
        finally
        {
            _changes.Release();
        }
    }

    public CameraHealth? GetHealth(string cameraId)
    {
        lock (_workers)
        {
            return _workers.TryGetValue(cameraId, out var worker) ? worker.Health : null;
        }
    }

    /// <summary>The spec a camera's worker runs with (real source included), or null: for tests and diagnostics inside FrameIngest.</summary>
    internal CameraSpec? SpecOf(string cameraId)
    {
        lock (_workers)
        {
            return _workers.TryGetValue(cameraId, out var worker) ? worker.Spec : null;
        }
    }

    public IReadOnlyDictionary<string, CameraHealth> Snapshot()
    {
        lock (_workers)
        {
            return _workers.ToDictionary(pair => pair.Key, pair => pair.Value.Health, StringComparer.Ordinal);
        }
    }

    /// <summary>Stops every worker. Safe to call more than once (a container disposes each registration that hands it out).</summary>
    public ValueTask DisposeAsync() => new(StopAllAsync());
}
