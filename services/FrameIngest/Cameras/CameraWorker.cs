using Microsoft.Extensions.Logging;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.FrameIngest.Sources;
using VfeTps.Stream.Messaging;

namespace VfeTps.Stream.FrameIngest.Cameras;

/// <summary>
/// Reads one camera on its own task: open, decode, sample, publish; on a failure or a stall, wait
/// (exponential back-off with full jitter) and reconnect, forever, until stopped. Everything a
/// source can throw is contained here, so a broken camera never touches the others.
/// Live cameras (network streams and paced files) publish with TryPublish and count a drop when the
/// pipeline is full, so decoding never falls behind the camera; unpaced files wait for room. Frames
/// say which they are (<see cref="FrameCaptured.Live"/>), so the stages after this one behave alike.
/// An unlooped file's capture times count from the camera's registration time (see <see cref="CaptureClock"/>).
/// </summary>
internal sealed class CameraWorker
{
    private readonly IEventPublisher<FrameCaptured> _publisher;
    private readonly FrameIngestOptions _options;
    private readonly FrameIngestMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CameraHealthTracker _health;
    private readonly CancellationTokenSource _stop = new();
    private readonly string _maskedSource;
    private readonly Action<CameraHealth>? _ended;
    private Task _run = Task.CompletedTask;
    private long _sequence;
    private string? _lastProblem;

    public CameraWorker(
        CameraSpec spec,
        IEventPublisher<FrameCaptured> publisher,
        FrameIngestOptions options,
        FrameIngestMetrics metrics,
        ILogger logger,
        TimeProvider time,
        DateTimeOffset? registeredAt = null,
        Action<CameraHealth>? ended = null)
    {
        Spec = spec;
        RegisteredAt = registeredAt;
        _ended = ended;
        _publisher = publisher;
        _options = options;
        _metrics = metrics;
        _logger = logger;
        _time = time;
        _health = new CameraHealthTracker(options.HealthWindow, time);
        _maskedSource = StreamSourceMask.Mask(spec.Source);
    }

    public CameraSpec Spec { get; }

    /// <summary>When the camera was registered (the anchor of an unlooped file's capture times); null when started without a registration.</summary>
    public DateTimeOffset? RegisteredAt { get; }

    public CameraHealth Health => _health.Snapshot();

    /// <summary>Completes when the worker has stopped or a non-looped file has ended.</summary>
    public Task Completion => _run;

    public void Start() => _run = Task.Run(() => RunAsync(_stop.Token));

    /// <summary>Stops the worker (and its ffmpeg process); false when it did not stop within the stop timeout.</summary>
    public async Task<bool> StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _run.WaitAsync(_options.StopTimeout).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            FrameIngestLog.StopTimedOut(_logger, Spec.Id, _options.StopTimeout);
            return false;
        }
        finally
        {
            _health.Stopped();
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        // Without a registration time, an unlooped file counts from the worker's start (as a looped one does).
        var clock = new CaptureClock(Spec.Loop ? null : RegisteredAt ?? _time.GetUtcNow());
        var sampler = new FrameSampler(Spec.SampleRate);
        var backoff = new ReconnectBackoff(_options.ReconnectInitialDelay, _options.ReconnectMaxDelay, _options.ReconnectMultiplier, Random.Shared);
        while (!cancellationToken.IsCancellationRequested)
        {
            string error;
            var unexpected = false;
            try
            {
                if (await StreamAsync(clock, sampler, backoff, cancellationToken).ConfigureAwait(false))
                {
                    _health.Ended();
                    var health = _health.Snapshot();
                    FrameIngestLog.Ended(_logger, Spec.Id, health.FramesPublished);
                    NotifyEnded(health);
                    return;
                }

                error = "the stream ended";
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (FrameSourceException e)
            {
                error = StreamSourceMask.MaskText(e.Message, Spec.Source);
            }
            catch (Exception e)
            {
                // Anything else (an OpenCV or runtime failure) is contained too: this camera retries, the others go on.
                unexpected = true;
                error = StreamSourceMask.MaskText($"{e.GetType().Name}: {e.Message}", Spec.Source);
            }

            var delay = backoff.Next();
            _health.Failed(error);
            if (unexpected)
            {
                FrameIngestLog.Unexpected(_logger, Spec.Id, error, delay);
            }
            else
            {
                FrameIngestLog.Failed(_logger, Spec.Id, error, delay);
            }

            try
            {
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            _health.Reconnecting();
            _metrics.Reconnect(Spec.Id);
        }

        _health.Stopped();
        FrameIngestLog.Stopped(_logger, Spec.Id);
    }

    /// <summary>One connection: true when a non-looped file was read to its end; throws on failures.</summary>
    private async Task<bool> StreamAsync(CaptureClock clock, FrameSampler sampler, ReconnectBackoff backoff, CancellationToken cancellationToken)
    {
        FrameIngestLog.Connecting(_logger, Spec.Id, _maskedSource);
        IFrameSource? source = FrameSources.Open(Spec.Source, _options);
        var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            clock.Connected(source.IsLive, source.FrameRate, _time.GetUtcNow());
            var live = source.IsLive;
            var paced = !live && Spec.Paced;
            var firstFrame = true;
            var framesThisPass = 0;
            while (true)
            {
                var timeout = firstFrame ? _options.ConnectTimeout : _options.StallTimeout;
                stall.CancelAfter(timeout);
                bool read;
                try
                {
                    read = await source.ReadNextAsync(stall.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new FrameSourceException(firstFrame
                        ? $"no frame within {timeout.TotalSeconds:0.#} s of connecting"
                        : $"no frame for {timeout.TotalSeconds:0.#} s: the camera stalled");
                }

                if (!stall.TryReset())
                {
                    // The timer fired just as the frame arrived: the frame counts, the timer starts afresh.
                    stall.Dispose();
                    stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                }

                if (!read)
                {
                    if (live)
                    {
                        throw new FrameSourceException("the stream ended (the server closed it)");
                    }

                    if (source.EndProblem is { } problem)
                    {
                        var masked = StreamSourceMask.MaskText(problem, Spec.Source);
                        _health.Problem(masked);

                        // A looped damaged file says so once, not at every pass.
                        if (masked != _lastProblem)
                        {
                            FrameIngestLog.FileProblem(_logger, Spec.Id, masked);
                            _lastProblem = masked;
                        }
                    }

                    if (!Spec.Loop)
                    {
                        return true;
                    }

                    if (framesThisPass == 0)
                    {
                        throw new FrameSourceException($"'{_maskedSource}' has no frames to loop over");
                    }

                    // Start the next pass from a fresh reader: seeking back is not reliable for every container.
                    await source.DisposeAsync().ConfigureAwait(false);
                    source = null;
                    source = FrameSources.Open(Spec.Source, _options);
                    clock.NextPass();
                    framesThisPass = 0;
                    continue;
                }

                framesThisPass++;
                _health.Decoded();
                _metrics.FrameDecoded(Spec.Id);
                if (firstFrame)
                {
                    firstFrame = false;
                    _health.Streaming();
                    backoff.Reset();
                    FrameIngestLog.Streaming(_logger, Spec.Id, source.Width, source.Height, source.FrameRate);
                }

                if (paced)
                {
                    var wait = clock.DueTimeOf(source.Position) - _time.GetUtcNow();
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                    }
                }

                var captureTime = clock.CaptureTimeOf(source.Position, _time.GetUtcNow());
                if (sampler.IsDue(captureTime))
                {
                    await PublishAsync(new FrameCaptured(Spec.Id, _sequence++, captureTime, source.CopyFrame(), Live: live || paced), cancellationToken)
                        .ConfigureAwait(false);
                    sampler.Kept(captureTime);
                }
            }
        }
        finally
        {
            stall.Dispose();
            if (source is not null)
            {
                await source.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private void NotifyEnded(CameraHealth health)
    {
        if (_ended is null)
        {
            return;
        }

        try
        {
            _ended(health);
        }
        catch (Exception e)
        {
            // Recording the end is bookkeeping: a failure is logged and the file is read again at the next start.
            FrameIngestLog.EndNotRecorded(_logger, Spec.Id, StreamSourceMask.MaskText(e.Message, Spec.Source));
        }
    }

    private async ValueTask PublishAsync(FrameCaptured frame, CancellationToken cancellationToken)
    {
        if (!frame.Live)
        {
            await _publisher.PublishAsync(frame, cancellationToken).ConfigureAwait(false);
        }
        else if (!_publisher.TryPublish(frame))
        {
            // Never block a live camera: the frame is dropped and counted; its sequence number stays used, so consumers see the gap.
            _health.Dropped();
            _metrics.FrameDropped(Spec.Id);
            return;
        }

        _health.Published(frame.CaptureTime);
        _metrics.FramePublished(Spec.Id);
    }
}
