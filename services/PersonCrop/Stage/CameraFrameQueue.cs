using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.PersonCrop.Stage;

/// <summary>
/// One camera's frames, processed in order, one at a time, from a small bounded queue; a shared gate
/// bounds how many cameras work at once. A live frame never waits for room: it pushes out the oldest
/// queued frame (counted, and reported in the log at most every <see cref="DropReportInterval"/>), so
/// a camera that cannot keep up falls behind alone. A file's frame waits (backpressure). Completing the
/// queue (end of the frame stream, camera idle) flushes the camera's tracks; dropping it (camera
/// removed, shutdown) abandons them. Either way the camera's detector and state are released.
/// </summary>
internal sealed class CameraFrameQueue
{
    /// <summary>Least time between two log reports of a camera's dropped frames.</summary>
    public static readonly TimeSpan DropReportInterval = TimeSpan.FromSeconds(10);

    private readonly Channel<FrameCaptured> _frames;
    private readonly CancellationTokenSource _stop;
    private readonly FrameProcessor _processor;
    private readonly SemaphoreSlim _gate;
    private readonly PersonCropMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _writing = new();
    private bool _closed;
    private bool _finished;
    private long _lastFrameTicks;
    private long _droppedSinceReport;
    private DateTimeOffset? _lastReport;

    public CameraFrameQueue(
        string cameraId,
        int capacity,
        FrameProcessor processor,
        SemaphoreSlim gate,
        PersonCropMetrics metrics,
        TimeProvider time,
        ILogger logger,
        CancellationToken stopping)
    {
        CameraId = cameraId;
        _processor = processor;
        _gate = gate;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _lastFrameTicks = time.GetUtcNow().UtcTicks;
        _frames = Channel.CreateBounded<FrameCaptured>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            // The writer takes the oldest frame out itself when a live frame finds the queue full.
            SingleReader = false,
            SingleWriter = true,
        });
        _stop = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        Completion = Task.Run(RunAsync, CancellationToken.None);
    }

    public string CameraId { get; }

    /// <summary>Ends when the queue has stopped and released its camera's state.</summary>
    public Task Completion { get; }

    /// <summary>Live frames pushed out of this queue so far.</summary>
    public long Dropped { get; private set; }

    /// <summary>When the last frame was offered to this queue (stage clock).</summary>
    public DateTimeOffset LastFrameAt => new(Volatile.Read(ref _lastFrameTicks), TimeSpan.Zero);

    /// <summary>
    /// Queues a frame: a live one at once (pushing out the oldest queued frame when full), any other
    /// waiting while the queue is full. False when the queue was completed or dropped meanwhile.
    /// </summary>
    public async ValueTask<bool> EnqueueAsync(FrameCaptured frame, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _lastFrameTicks, _time.GetUtcNow().UtcTicks);
        if (frame.Live)
            return EnqueueLive(frame);
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
    public void Complete()
    {
        lock (_writing)
        {
            _closed = true;
            _frames.Writer.TryComplete();
        }
    }

    /// <summary>Stop now and forget the camera's state (queued frames are not processed). Idempotent.</summary>
    public void Drop()
    {
        Complete();
        lock (_writing)
        {
            if (!_finished)
                _stop.Cancel();
        }
    }

    private bool EnqueueLive(FrameCaptured frame)
    {
        var dropped = 0;
        lock (_writing)
        {
            if (_closed)
                return false;
            while (!_frames.Writer.TryWrite(frame))
            {
                // Full: the oldest frame goes (the worker may have just taken it; then there is room).
                if (_frames.Reader.TryRead(out _))
                    dropped++;
            }
        }

        if (dropped > 0)
            CountDrops(dropped);
        return true;
    }

    private void CountDrops(int dropped)
    {
        Dropped += dropped;
        _droppedSinceReport += dropped;
        _metrics.FramesDroppedBehind(CameraId, dropped);
        var now = _time.GetUtcNow();
        if (_lastReport is { } last && now - last < DropReportInterval)
            return;
        _logger.LiveFramesDropped(CameraId, _droppedSinceReport, Dropped);
        _droppedSinceReport = 0;
        _lastReport = now;
    }

    private async Task RunAsync()
    {
        var token = _stop.Token;
        try
        {
            using var pipeline = _processor.CreatePipeline(CameraId);
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
            _logger.CameraQueueFailed(exception, CameraId);
        }
        finally
        {
            lock (_writing)
            {
                // Keep the reader from waiting forever on a queue nobody drains, and unhook from the stopping token.
                _closed = true;
                _frames.Writer.TryComplete();
                _finished = true;
                _stop.Dispose();
            }
        }
    }
}
