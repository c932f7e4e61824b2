using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.Messaging;
using VfeTps.Stream.PersonCrop.Cameras;

namespace VfeTps.Stream.PersonCrop.Stage;

/// <summary>
/// The PersonCrop stage: reads FrameCaptured events, refuses malformed ones to the dead-letter sink,
/// and hands each frame to its camera's <see cref="CameraFrameQueue"/> (created on the camera's first
/// frame), so frames of a camera are processed in order while up to
/// <see cref="PersonCropOptions.MaxParallelCameras"/> cameras work at once; a live camera that falls
/// behind drops its own oldest frames instead of holding up the others. Detector choices come from
/// <see cref="PersonCropCameras"/> (seeded from the camera directory at start). A removed camera's
/// queue and state are dropped, and its frames captured before the removal (still in the stream) are
/// ignored; a camera silent for <see cref="PersonCropOptions.CameraIdleTimeout"/> is let go, its tracks
/// ended. When the frame stream completes, every camera finishes its queue, its tracks end and their
/// last shots are published before <see cref="BackgroundService.ExecuteTask"/> completes.
/// </summary>
internal sealed class PersonCropStage(
    IEventSource<FrameCaptured> frames,
    FrameProcessor processor,
    PersonCropCameras cameras,
    PersonCropMetrics metrics,
    IOptions<PersonCropOptions> options,
    TimeProvider time,
    ILogger<PersonCropStage> logger,
    ICameraDirectory? directory = null) : BackgroundService, IStreamConsumer<FrameCaptured>
{
    /// <summary>Finishes once the frame stream is completed, every queued frame processed and every camera's last shots published.</summary>
    public Task Completion => ExecuteTask ?? Task.CompletedTask;

    private readonly Dictionary<string, CameraFrameQueue> _queues = new(StringComparer.Ordinal);
    private readonly List<CameraFrameQueue> _retiring = [];
    private readonly Dictionary<string, RemovedCamera> _removed = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly PersonCropOptions _options = options.Value;
    private CancellationToken _stopping;
    private SemaphoreSlim? _parallelism;

    /// <summary>Cameras with a queue (and detector and tracks) now.</summary>
    public int ActiveCameraCount
    {
        get
        {
            lock (_gate)
                return _queues.Count;
        }
    }

    /// <summary>How often idle cameras are looked for: a camera goes between 1 and 1.25 idle timeouts after its last frame.</summary>
    internal TimeSpan IdleSweepPeriod => _options.CameraIdleTimeout / 4;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        using var parallelism = new SemaphoreSlim(_options.MaxParallelCameras);
        _parallelism = parallelism;
        using var sweepStop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        // Created before the first await, so a clock advanced right after start already counts.
        var sweeper = new PeriodicTimer(IdleSweepPeriod, time);
        var sweeping = SweepAsync(sweeper, sweepStop.Token);
        try
        {
            await LoadCamerasAsync(stoppingToken).ConfigureAwait(false);
            cameras.Removed += Drop;
            await foreach (var frame in frames.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                if (FrameChecks.Problem(frame) is { } problem)
                {
                    await processor.DeadLetterAsync(frame, problem, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                await DispatchAsync(frame, stoppingToken).ConfigureAwait(false);
            }

            // The stream is complete: every camera finishes its queue and its tracks, publishing their last shots.
            await StopSweepingAsync(sweeper, sweepStop, sweeping).ConfigureAwait(false);
            await Task.WhenAll(RetireAll(queue => queue.Complete())).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: queues stop with the same token.
        }
        finally
        {
            cameras.Removed -= Drop;
            await StopSweepingAsync(sweeper, sweepStop, sweeping).ConfigureAwait(false);
            await Task.WhenAll(RetireAll(queue => queue.Drop())).ConfigureAwait(false);
        }
    }

    private async Task DispatchAsync(FrameCaptured frame, CancellationToken cancellationToken)
    {
        while (true)
        {
            CameraFrameQueue queue;
            lock (_gate)
            {
                if (_removed.TryGetValue(frame.CameraId, out var removed) && frame.CaptureTime < removed.At)
                {
                    // Left over from before the removal: it must not bring the camera back.
                    metrics.FrameOfRemovedCamera(frame.CameraId);
                    if (removed.Ignored++ == 0)
                        logger.RemovedCameraFramesIgnored(frame.CameraId, removed.At);
                    return;
                }

                if (!_queues.TryGetValue(frame.CameraId, out queue!))
                {
                    queue = new CameraFrameQueue(frame.CameraId, _options.CameraQueueCapacity, processor, _parallelism!, metrics, time, logger, _stopping);
                    _queues[frame.CameraId] = queue;
                }
            }

            if (await queue.EnqueueAsync(frame, cancellationToken).ConfigureAwait(false))
                return;

            // The camera was removed or let go while this frame waited: the frame starts it afresh.
            lock (_gate)
            {
                if (_queues.TryGetValue(frame.CameraId, out var current) && current == queue)
                    _queues.Remove(frame.CameraId);
            }
        }
    }

    private void Drop(string cameraId)
    {
        CameraFrameQueue? queue;
        lock (_gate)
        {
            _removed[cameraId] = new RemovedCamera(time.GetUtcNow());
            if (!_queues.Remove(cameraId, out queue))
                return;
            Retire(queue);
        }

        queue.Drop();
        logger.CameraDropped(cameraId);
    }

    private async Task SweepAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    ReleaseIdleCameras();
                }
                catch (Exception exception)
                {
                    // Letting go of idle cameras must not stop the stage; the next sweep tries again.
                    logger.IdleSweepFailed(exception);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private static async Task StopSweepingAsync(PeriodicTimer timer, CancellationTokenSource stop, Task sweeping)
    {
        await stop.CancelAsync().ConfigureAwait(false);
        timer.Dispose();
        await sweeping.ConfigureAwait(false);
    }

    /// <summary>Lets go of every camera silent for the idle timeout, and forgets old removals.</summary>
    private void ReleaseIdleCameras()
    {
        var now = time.GetUtcNow();
        List<CameraFrameQueue> idle;
        lock (_gate)
        {
            idle = [.. _queues.Values.Where(queue => now - queue.LastFrameAt >= _options.CameraIdleTimeout)];
            foreach (var queue in idle)
            {
                _queues.Remove(queue.CameraId);
                Retire(queue);
            }

            // Frames left over from before a removal are long gone after an idle timeout; a straggler would only start an idle queue.
            foreach (var (cameraId, removed) in _removed.Where(entry => now - entry.Value.At >= _options.CameraIdleTimeout).ToList())
                _removed.Remove(cameraId);
        }

        foreach (var queue in idle)
        {
            // As at the end of the stream: queued frames are processed, the tracks end with their last shots, the detector goes.
            queue.Complete();
            metrics.CameraReleased();
            logger.CameraReleased(queue.CameraId, (now - queue.LastFrameAt).TotalSeconds);
        }
    }

    // Still finishing (its current frame, or its tracks' last shots): awaited when the stage stops.
    private void Retire(CameraFrameQueue queue)
    {
        _retiring.RemoveAll(static done => done.Completion.IsCompleted);
        _retiring.Add(queue);
    }

    /// <summary>Completes or drops every camera's queue; returns when each (and each retiring one) will have stopped.</summary>
    private List<Task> RetireAll(Action<CameraFrameQueue> action)
    {
        lock (_gate)
        {
            foreach (var queue in _queues.Values)
            {
                action(queue);
                _retiring.Add(queue);
            }

            _queues.Clear();
            return [.. _retiring.Select(queue => queue.Completion)];
        }
    }

    private async Task LoadCamerasAsync(CancellationToken cancellationToken)
    {
        if (directory is null)
            return;
        try
        {
            foreach (var camera in await directory.ListAsync(cancellationToken).ConfigureAwait(false))
                cameras.SetIfAbsent(new CameraSpec(camera.Id, camera.Name, camera.Source, camera.SampleRate, camera.Detector, camera.Loop, camera.Paced));
            logger.CamerasLoaded(cameras.Count);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.CameraDirectoryFailed(exception);
        }
    }

    /// <summary>When a camera was removed (stage clock) and how many of its older frames were ignored since.</summary>
    private sealed class RemovedCamera(DateTimeOffset at)
    {
        public DateTimeOffset At { get; } = at;

        public long Ignored { get; set; }
    }
}
