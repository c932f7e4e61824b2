using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.FrameIngest.Cameras;

/// <summary>One camera worker's health, updated by the worker and read by the API (thread-safe).</summary>
internal sealed class CameraHealthTracker(TimeSpan window, TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly RateMeter _decoded = new(window);
    private readonly RateMeter _published = new(window);
    private CameraState _state = CameraState.Connecting;
    private int _reconnects;
    private string? _lastError;
    private DateTimeOffset? _lastErrorAt;
    private DateTimeOffset? _lastFrameAt;
    private long _framesPublished;
    private long _framesDropped;

    public CameraState State
    {
        get
        {
            lock (_lock)
            {
                return _state;
            }
        }
    }

    public void Streaming() => Set(CameraState.Streaming);

    public void Ended() => Set(CameraState.Ended);

    public void Stopped() => Set(CameraState.Stopped);

    /// <summary>The source failed; the worker waits and reconnects. The message must already be masked.</summary>
    public void Failed(string maskedError)
    {
        lock (_lock)
        {
            _state = CameraState.Reconnecting;
            _lastError = maskedError;
            _lastErrorAt = time.GetUtcNow();
        }
    }

    /// <summary>A problem that does not stop the worker (a truncated file that was read as far as it goes).</summary>
    public void Problem(string maskedError)
    {
        lock (_lock)
        {
            _lastError = maskedError;
            _lastErrorAt = time.GetUtcNow();
        }
    }

    public void Reconnecting()
    {
        lock (_lock)
        {
            _reconnects++;
        }
    }

    public void Decoded()
    {
        lock (_lock)
        {
            _decoded.Record(time.GetUtcNow());
        }
    }

    public void Published(DateTimeOffset captureTime)
    {
        lock (_lock)
        {
            _framesPublished++;
            _lastFrameAt = captureTime;
            _published.Record(time.GetUtcNow());
        }
    }

    public void Dropped()
    {
        lock (_lock)
        {
            _framesDropped++;
        }
    }

    /// <summary>The health now. Lag is never negative (an unpaced file runs ahead of the wall clock).</summary>
    public CameraHealth Snapshot()
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            TimeSpan? lag = _lastFrameAt is { } last ? (now - last > TimeSpan.Zero ? now - last : TimeSpan.Zero) : null;
            return new CameraHealth(
                _state,
                Math.Round(_decoded.PerSecond(now), 2),
                Math.Round(_published.PerSecond(now), 2),
                lag,
                _reconnects,
                _lastError,
                _lastErrorAt,
                _lastFrameAt,
                _framesPublished,
                _framesDropped);
        }
    }

    private void Set(CameraState state)
    {
        lock (_lock)
        {
            _state = state;
        }
    }
}
