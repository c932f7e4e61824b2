namespace VfeTps.Stream.FrameIngest.Cameras;

/// <summary>
/// Maps stream timestamps onto camera-clock capture times.
/// Files that are not looped (given a fixed anchor, the camera's registration time): the anchor plus
/// the stream position, so that reading the file again (after a restart) gives the same capture
/// times, hence the same track and crop ids downstream, and the crops are upserted, not doubled.
/// Looped files (demo cameras): the wall-clock time at which the file was opened plus the stream
/// position (plus the length of the passes already played), so capture times keep increasing across
/// loops like a live camera's.
/// Live streams: the first frame's wall-clock time plus its pts offset; the anchor moves earlier
/// whenever a frame arrives before its mapped time (ffmpeg releases the first frames of a
/// connection in a burst, so the first arrival is late) and is reset when the pts jumps backwards
/// (a camera restart), so a capture time is never in the future and never goes back.
/// Capture times never decrease over the life of a worker, across reconnections too.
/// A file frame without a timestamp, or with one not after the previous frame's, is taken to be one
/// frame interval after the previous frame.
/// </summary>
/// <param name="fixedAnchor">The capture time of an unlooped file's position 0; null for looped files and streams.</param>
internal sealed class CaptureClock(DateTimeOffset? fixedAnchor = null)
{
    private static readonly TimeSpan MinimumStep = TimeSpan.FromMilliseconds(1);

    private bool _live;
    private DateTimeOffset? _anchor;
    private DateTimeOffset? _paceAnchor;
    private TimeSpan _passOffset;
    private TimeSpan? _lastPosition;
    private TimeSpan _frameInterval = TimeSpan.FromMilliseconds(40);
    private DateTimeOffset? _last;

    /// <summary>The last capture time handed out.</summary>
    public DateTimeOffset? Last => _last;

    /// <summary>A new connection to the source (the first, or a reconnection).</summary>
    public void Connected(bool live, double frameRate, DateTimeOffset now)
    {
        _live = live;
        _passOffset = TimeSpan.Zero;
        _lastPosition = null;
        if (frameRate is > 0 and < 1000)
        {
            _frameInterval = TimeSpan.FromTicks((long)Math.Round(TimeSpan.TicksPerSecond / frameRate));
        }

        if (live)
        {
            _anchor = null;
            _paceAnchor = null;
        }
        else if (fixedAnchor is { } anchor)
        {
            // Read again after a failure, the file starts over with the same capture times; the frames up
            // to the last one handed out are due at once (the worker skips them), then pacing resumes.
            _anchor = anchor;
            _paceAnchor = now - (_last is { } last && last > anchor ? last - anchor : TimeSpan.Zero);
        }
        else
        {
            // A looped file's anchor is the opening time, but never at or before a capture time already
            // given (an unpaced file runs ahead of the wall clock).
            _anchor = _last is { } last && last + MinimumStep > now ? last + _frameInterval : now;
            _paceAnchor = _anchor;
        }
    }

    /// <summary>A looped file starts its next pass: positions restart at zero, capture times go on.</summary>
    public void NextPass()
    {
        _passOffset += (_lastPosition ?? TimeSpan.Zero) + _frameInterval;
        _lastPosition = null;
    }

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

    /// <summary>
    /// The wall-clock time at which a paced file should deliver the frame at this position (asked
    /// before <see cref="CaptureTimeOf"/> for the same frame, with the same position).
    /// </summary>
    public DateTimeOffset DueTimeOf(TimeSpan? position) =>
        !_live && _paceAnchor is { } anchor ? anchor + _passOffset + FilePositionOf(position) : DateTimeOffset.MinValue;

    /// <summary>The position a file frame stands for: its own when it moves on, else one frame after the previous.</summary>
    private TimeSpan FilePositionOf(TimeSpan? position)
    {
        if (_lastPosition is not { } previous)
        {
            return position is { } first && first > TimeSpan.Zero ? first : TimeSpan.Zero;
        }

        return position is { } current && current > previous ? current : previous + _frameInterval;
    }

    private DateTimeOffset FileCaptureTime(TimeSpan? position)
    {
        var current = FilePositionOf(position);
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
