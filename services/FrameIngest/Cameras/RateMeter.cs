namespace VfeTps.Stream.FrameIngest.Cameras;

/// <summary>Events per second over a sliding window (frames in, frames out). Not thread-safe: the health tracker locks.</summary>
internal sealed class RateMeter(TimeSpan window)
{
    private readonly Queue<DateTimeOffset> _events = new();
    private DateTimeOffset? _since;

    public void Record(DateTimeOffset now)
    {
        _since ??= now;
        _events.Enqueue(now);
        Trim(now);
    }

    /// <summary>Events per second in the window (or since the first event, when that is more recent).</summary>
    public double PerSecond(DateTimeOffset now)
    {
        Trim(now);
        if (_events.Count == 0 || _since is not { } since)
        {
            return 0;
        }

        var span = now - since < window ? now - since : window;
        return span <= TimeSpan.Zero ? 0 : _events.Count / Math.Max(span.TotalSeconds, 1);
    }

    private void Trim(DateTimeOffset now)
    {
        while (_events.Count > 0 && now - _events.Peek() > window)
        {
            _events.Dequeue();
        }
    }
}
