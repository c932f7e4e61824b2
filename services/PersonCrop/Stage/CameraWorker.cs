using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.PersonCrop.Stage;

/// <summary>
/// Processes one camera's frames in order, one at a time, from a small bounded queue; a shared
/// gate bounds how many cameras work at once. Completing the queue (end of the frame stream)
/// flushes the camera's tracks; dropping it (camera removed, shutdown) abandons them.
/// </summary>
internal sealed class CameraWorker
{
    private readonly Channel<FrameCaptured> _frames;
    private readonly CancellationTokenSource _stop;
    private readonly FrameProcessor _processor;
    private readonly SemaphoreSlim _gate;
    private readonly ILogger _logger;
    private int _dropped;

    public CameraWorker(string cameraId, int queueCapacity, FrameProcessor processor, SemaphoreSlim gate, ILogger logger, CancellationToken stopping)
    {
        CameraId = cameraId;
        _processor = processor;
        _gate = gate;
        _logger = logger;
        _frames = Channel.CreateBounded<FrameCaptured>(new BoundedChannelOptions(queueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _stop = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        Completion = Task.Run(RunAsync, CancellationToken.None);
    }

    public string CameraId { get; }

    /// <summary>Ends when the worker has stopped and released its camera's state.</summary>
    public Task Completion { get; }

    /// <summary>Queues a frame, waiting while the queue is full; false when the worker was dropped meanwhile.</summary>
    public async ValueTask<bool> EnqueueAsync(FrameCaptured frame, CancellationToken cancellationToken)
    {
        try
        {
            await _frames.Writer.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ChannelClosedException)
        {
            return false;
        }
    }

    /// <summary>No more frames: finish the queue, then end the camera's tracks with their last shots.</summary>
    public void Complete() => _frames.Writer.TryComplete();

    /// <summary>Stop now and forget the camera's state (queued frames are not processed). Idempotent.</summary>
    public void Drop()
    {
        if (Interlocked.Exchange(ref _dropped, 1) == 1)
            return;
        _stop.Cancel();
        _frames.Writer.TryComplete();
        // The token source goes once nothing can observe it any more.
        Completion.ContinueWith(static (_, stop) => ((CancellationTokenSource)stop!).Dispose(), _stop, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task RunAsync()
    {
        var token = _stop.Token;
        using var pipeline = _processor.CreatePipeline(CameraId);
        try
        {
            await foreach (var frame in _frames.Reader.ReadAllAsync(token).ConfigureAwait(false))
            {
                await _gate.WaitAsync(token).ConfigureAwait(false);
                try
                {
                    await _processor.ProcessAsync(pipeline, frame, token).ConfigureAwait(false);
                }
                finally
                {
                    _gate.Release();
                }
            }

            await _gate.WaitAsync(token).ConfigureAwait(false);
            try
            {
                await _processor.FlushAsync(pipeline, token).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Dropped or shutting down.
        }
        catch (Exception exception)
        {
            _logger.CameraWorkerFailed(exception, CameraId);
            // Keep the reader from waiting forever on a queue nobody drains.
            _frames.Writer.TryComplete();
        }
    }
}
