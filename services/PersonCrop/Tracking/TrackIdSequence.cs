namespace VfeTps.Stream.PersonCrop.Tracking;

/// <summary>Hands out <see cref="TrackIds"/> for one camera, counting tracks started within the same millisecond.</summary>
internal sealed class TrackIdSequence
{
    private long _millisecond = long.MinValue;
    private int _next;

    /// <summary>The next id at <paramref name="captureTime"/>, or null when that millisecond has used up its ids.</summary>
    public long? Next(DateTimeOffset captureTime)
    {
        var millisecond = captureTime.ToUnixTimeMilliseconds();
        if (millisecond != _millisecond)
        {
            _millisecond = millisecond;
            _next = 0;
        }

        return _next < TrackIds.MaxPerMillisecond ? TrackIds.Create(captureTime, _next++) : null;
    }
}
