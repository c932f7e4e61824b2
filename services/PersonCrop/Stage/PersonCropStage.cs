using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.Messaging;
using VfeTps.Stream.PersonCrop.Cameras;

namespace VfeTps.Stream.PersonCrop.Stage;

/// <summary>
/// The PersonCrop stage: reads FrameCaptured events, refuses malformed ones to the dead-letter sink,
/// and hands each frame to its camera's worker (created on the camera's first frame), so frames of a
/// camera are processed in order while up to <see cref="PersonCropOptions.MaxParallelCameras"/>
/// cameras work at once. Detector choices come from <see cref="PersonCropCameras"/> (seeded from the
/// camera directory at start); a removed camera's worker and state are dropped. When the frame
/// stream completes, every camera's tracks end and their last shots are emitted.
/// </summary>
internal sealed class PersonCropStage(
    IEventSource<FrameCaptured> frames,
    FrameProcessor processor,
    PersonCropCameras cameras,
    IOptions<PersonCropOptions> options,
    ILogger<PersonCropStage> logger,
    ICameraDirectory? directory = null) : BackgroundService
{
    private readonly Dictionary<string, CameraWorker> _workers = new(StringComparer.Ordinal);
    private readonly List<CameraWorker> _dropped = [];
    private readonly Lock _gate = new();
    private CancellationToken _stopping;
    private SemaphoreSlim? _parallelism;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        using var parallelism = new SemaphoreSlim(options.Value.MaxParallelCameras);
        _parallelism = parallelism;
        await LoadCamerasAsync(stoppingToken).ConfigureAwait(false);
        cameras.Removed += Drop;
        try
        {
            await foreach (var frame in frames.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                if (FrameChecks.Problem(frame) is { } problem)
                {
                    await processor.DeadLetterAsync(frame, problem, stoppingToken).ConfigureAwait(false);
                    continue;
                }

                await DispatchAsync(frame, stoppingToken).ConfigureAwait(false);
            }

            // The stream is complete: let every camera finish its queue and its tracks.
            await Task.WhenAll(Workers(worker => worker.Complete())).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: workers stop with the same token.
        }
        finally
        {
            cameras.Removed -= Drop;
            await Task.WhenAll(Workers(worker => worker.Drop())).ConfigureAwait(false);
        }
    }

    private async Task DispatchAsync(FrameCaptured frame, CancellationToken cancellationToken)
    {
        while (true)
        {
            CameraWorker worker;
            lock (_gate)
            {
                if (!_workers.TryGetValue(frame.CameraId, out worker!))
                {
                    worker = new CameraWorker(frame.CameraId, options.Value.CameraQueueCapacity, processor, _parallelism!, logger, _stopping);
                    _workers[frame.CameraId] = worker;
                }
            }

            if (await worker.EnqueueAsync(frame, cancellationToken).ConfigureAwait(false))
                return;

            // The camera was removed while this frame waited: a later frame starts it afresh.
            lock (_gate)
            {
                if (_workers.TryGetValue(frame.CameraId, out var current) && current == worker)
                    _workers.Remove(frame.CameraId);
            }
        }
    }

    private void Drop(string cameraId)
    {
        CameraWorker? worker;
        lock (_gate)
        {
            if (!_workers.Remove(cameraId, out worker))
                return;
            _dropped.RemoveAll(static done => done.Completion.IsCompleted);
            _dropped.Add(worker); // still finishing its current frame; awaited at shutdown
        }

        worker.Drop();
        logger.CameraDropped(cameraId);
    }

    private List<Task> Workers(Action<CameraWorker> action)
    {
        lock (_gate)
        {
            foreach (var worker in _workers.Values)
                action(worker);
            return [.. _workers.Values.Concat(_dropped).Select(worker => worker.Completion)];
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
}
