namespace VfeTps.Stream.PersonCrop.Tracking;

/// <summary>
/// Track ids derive from when the track started, so they stay unique across restarts of the stage
/// (no counter to persist) and the same frames always give the same ids (deterministic crop ids):
/// <c>id = unix milliseconds of the track's first frame × 100 + n</c>, where n counts the tracks
/// started at that same millisecond (at most <see cref="MaxPerMillisecond"/>).
/// </summary>
public static class TrackIds
{
    public const int MaxPerMillisecond = 100;

    /// <summary>The id of the <paramref name="ordinal"/>-th track started at <paramref name="firstCapture"/>.</summary>
    public static long Create(DateTimeOffset firstCapture, int ordinal)
    {
        var milliseconds = firstCapture.ToUnixTimeMilliseconds();
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds, nameof(firstCapture));
        ArgumentOutOfRangeException.ThrowIfNegative(ordinal);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(ordinal, MaxPerMillisecond);
        return (milliseconds * MaxPerMillisecond) + ordinal;
    }

    /// <summary>The capture time of the track's first frame (millisecond precision).</summary>
    public static DateTimeOffset FirstCaptureOf(long trackId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trackId);
        return DateTimeOffset.FromUnixTimeMilliseconds(trackId / MaxPerMillisecond);
    }
}
