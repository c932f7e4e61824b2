namespace VfeTps.Stream.FrameIngest.Cameras;

/// <summary>
/// Maps stream timestamps onto camera-clock capture times.
/// Files: the wall-clock time at which the file was opened plus the stream position (plus the
/// length of the passes already played when looping), so capture times keep increasing across loops.
/// Live streams: the first frame's wall-clock time plus its pts offset; the anchor moves earlier
/// whenever a frame arrives before its mapped time (ffmpeg releases the first frames of a
/// connection in a burst, so the first arrival is late) and is reset when the pts jumps backwards
/// (a camera restart), so a capture time is never in the future and never goes back.
/// Capture times never decrease over the life of a worker, across reconnections too.
/// </summary>
internal sealed class CaptureClock
{
    private static readonly TimeSpan MinimumStep = TimeSpan.FromMilliseconds(1);

    private bool _live;
    private DateTimeOffset? _anchor;
    private TimeSpan _passOffset;
    private TimeSpan _lastPosition;
    private TimeSpan _frameInterval = TimeSpan.FromMilliseconds(40);
    private DateTimeOffset? _last;

    /// <summary>The last capture time handed out.</summary>
    public DateTimeOffset? Last => _last;

    /// <summary>A new connection to the source (the first, or a reconnection).</summary>
    public void Connected(bool live, double frameRate, DateTimeOffset now)
    {
        _live = live;
        _passOffset = TimeSpan.Zero;
        _lastPosition = TimeSpan.Zero;
        if (frameRate is > 0 and < 1000)
        {
            _frameInterval = TimeSpan.FromTicks((long)Math.Round(TimeSpan.TicksPerSecond / frameRate));
        }

        // A file's anchor is the opening time, but never at or before a capture time already given
        // (an unpaced file runs ahead of the wall clock).
        _anchor = live ? null : _last is { } last && last + MinimumStep > now ? last + _frameInterval : now;
    }

    /// <summary>A looped file starts its next pass: positions restart at zero, capture times go on.</summary>
    public void NextPass() => _passOffset += _lastPosition + _frameInterval;

    /// <summary>The capture time of a frame at this stream position, decoded now.</summary>
    public DateTimeOffset CaptureTimeOf(TimeSpan? position, DateTimeOffset now)
    {
        var captureTime = _live ? LiveCaptureTime(position, now) : FileCaptureTime(position);
        if (_last is { } last && captureTime < last)
        {
            captureTime = last;
        }

        _last = captureTime;
        return captureTime;
    }

    /// <summary>The wall-clock time at which a paced file should deliver the frame at this position.</summary>
    public DateTimeOffset DueTimeOf(TimeSpan? position) => _anchor is { } anchor ? anchor + _passOffset + (position ?? _lastPosition) : DateTimeOffset.MinValue;

    private DateTimeOffset FileCaptureTime(TimeSpan? position)
    {
        var current = position ?? _lastPosition + _frameInterval;
        _lastPosition = current;
        return _anchor!.Value + _passOffset + current;
    }

    private DateTimeOffset LiveCaptureTime(TimeSpan? position, DateTimeOffset now)
    {
        if (position is not { } current)
        {
            return now;
        }

        if (_anchor is not { } anchor || anchor + current > now || (_last is { } last && anchor + current < last - TimeSpan.FromSeconds(1)))
        {
            anchor = now - current;
            _anchor = anchor;
        }

        _lastPosition = current;
        return anchor + current;
    }
}
