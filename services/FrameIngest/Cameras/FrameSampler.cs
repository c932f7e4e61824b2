namespace VfeTps.Stream.FrameIngest.Cameras;

/// <summary>
/// Keeps frames at a target rate by their capture times (stream timestamps, never the wall clock at
/// decoding): a frame is kept when it reaches the next sampling instant, which then moves one
/// interval on. A 10 fps file sampled at 5 per second therefore gives exactly every second frame,
/// however fast it is decoded. After a gap (a reconnection) the schedule restarts at the next frame.
/// </summary>
internal sealed class FrameSampler
{
    // Container timestamps in milliseconds carry rounding noise (300.00000000000006 ms).
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(1);

    private readonly TimeSpan _interval;
    private DateTimeOffset? _next;

    public FrameSampler(double framesPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(framesPerSecond);
        _interval = TimeSpan.FromTicks((long)Math.Round(TimeSpan.TicksPerSecond / framesPerSecond));
    }

    public TimeSpan Interval => _interval;

    /// <summary>Whether a frame at this capture time is due (nothing changes until <see cref="Kept"/>).</summary>
    public bool IsDue(DateTimeOffset captureTime) => _next is not { } next || captureTime >= next - Tolerance;

    /// <summary>
    /// The due frame was handed on: the schedule moves one interval. Called only once the frame was
    /// published (or deliberately dropped), so a frame whose publishing failed is due again when the
    /// worker reads the file again after reconnecting.
    /// </summary>
    public void Kept(DateTimeOffset captureTime) =>
        _next = _next is { } scheduled && captureTime < scheduled + _interval ? scheduled + _interval : captureTime + _interval;

    /// <summary><see cref="IsDue"/> and, when due, <see cref="Kept"/>.</summary>
    public bool ShouldKeep(DateTimeOffset captureTime)
    {
        if (!IsDue(captureTime))
        {
            return false;
        }

        Kept(captureTime);
        return true;
    }
}
