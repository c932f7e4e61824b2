namespace VfeTps.Stream.VectorIndex.Embedded;

/// <summary>
/// A query's filters in the form the scan tests cheaply: the wanted cameras as a bool per camera
/// ordinal (null = every camera) and the time range as UTC ticks [From, To). A segment whose time
/// bounds lie outside the range is skipped whole; one inside it needs no per-row time test.
/// </summary>
internal sealed class RowFilter
{
    private RowFilter(bool[]? cameras, long from, long to, bool matchesNothing)
    {
        Cameras = cameras;
        From = from;
        To = to;
        MatchesNothing = matchesNothing;
    }

    public bool[]? Cameras { get; }

    public long From { get; }

    public long To { get; }

    /// <summary>No row can pass (only unknown cameras asked for, or an empty time range).</summary>
    public bool MatchesNothing { get; }

    public static RowFilter Create(VectorQuery query, CameraTable cameras)
    {
        var from = query.From?.UtcTicks ?? long.MinValue;
        var to = query.To?.UtcTicks ?? long.MaxValue;
        var matchesNothing = from >= to;
        bool[]? wanted = null;
        if (query.Cameras is { Count: > 0 })
        {
            wanted = new bool[cameras.Count];
            var any = false;
            foreach (var camera in query.Cameras)
            {
                if (cameras.TryGet(camera, out var ordinal))
                {
                    wanted[ordinal] = true;
                    any = true;
                }
            }

            matchesNothing |= !any;
            if (wanted.All(static w => w))
            {
                wanted = null; // every camera the collection knows: no test needed.
            }
        }

        return new RowFilter(wanted, from, to, matchesNothing);
    }

    public SegmentMatch Test(Segment segment)
    {
        if (segment.LiveCount == 0 || segment.MaxTicks < From || segment.MinTicks >= To)
        {
            return SegmentMatch.None;
        }

        return segment.MinTicks >= From && segment.MaxTicks < To ? SegmentMatch.AllTimes : SegmentMatch.SomeTimes;
    }
}

/// <summary>How a segment's time bounds relate to the filter's range.</summary>
internal enum SegmentMatch
{
    /// <summary>No row of the segment can pass.</summary>
    None,

    /// <summary>Every row's time is inside the range.</summary>
    AllTimes,

    /// <summary>Rows must be tested one by one.</summary>
    SomeTimes,
}
