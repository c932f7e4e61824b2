namespace VfeTps.Stream.VectorIndex.Embedded;

/// <summary>
/// The in-memory state of one collection: segments of rows, the crop id → row map, and the camera and
/// track tables. An upsert of a known crop id overwrites its row in place; a deletion leaves a
/// tombstone, and a segment whose rows are all dead is dropped whole (retention deletes the oldest
/// crops, which sit together in the oldest segments). Not thread-safe: the collection serialises
/// writers and holds its write lock around every mutation.
/// </summary>
internal sealed class RowStore(int dimension, int segmentCapacity)
{
    private readonly Dictionary<string, RowRef> _rows = new(StringComparer.Ordinal);
    private readonly List<Segment> _segments = [];

    public int Dimension => dimension;

    public IReadOnlyList<Segment> Segments => _segments;

    public CameraTable Cameras { get; } = new();

    public TrackTable Tracks { get; } = new();

    public long LiveCount => _rows.Count;

    /// <summary>Inserts the point, or overwrites the row of the same crop id; returns true when it replaced one.</summary>
    public bool Upsert(string cropId, ReadOnlySpan<float> vector, CropPayload payload)
    {
        var camera = Cameras.GetOrAdd(payload.CameraId);
        if (!ReferenceEquals(payload.CameraId, Cameras.NameOf(camera)))
        {
            payload = payload with { CameraId = Cameras.NameOf(camera) };
        }

        var ticks = payload.CaptureTime.UtcTicks;
        var track = Tracks.AddRow(camera, payload.TrackId);
        if (_rows.TryGetValue(cropId, out var existing))
        {
            Tracks.RemoveRow(existing.Segment.Tracks[existing.Row]);
            existing.Segment.Overwrite(existing.Row, existing.Segment.CropIds[existing.Row], vector, payload, ticks, camera, track);
            return true;
        }

        var tail = _segments.Count > 0 ? _segments[^1] : null;
        if (tail is null || tail.IsFull)
        {
            tail = new Segment(dimension, segmentCapacity);
            _segments.Add(tail);
        }

        var row = tail.Append(cropId, vector, payload, ticks, camera, track);
        _rows.Add(cropId, new RowRef(tail, row));
        return false;
    }

    public bool TryGet(string cropId, out RowRef row) => _rows.TryGetValue(cropId, out row);

    /// <summary>Whether any live row was captured before the cutoff (UTC ticks).</summary>
    public bool AnyCapturedBefore(long cutoffTicks) => RowsCapturedBefore(cutoffTicks).Any();

    /// <summary>Deletes every live row captured before the cutoff (UTC ticks); returns how many.</summary>
    public long DeleteCapturedBefore(long cutoffTicks)
    {
        long deleted = 0;
        foreach (var (segment, row) in RowsCapturedBefore(cutoffTicks))
        {
            Tracks.RemoveRow(segment.Tracks[row]);
            _rows.Remove(segment.CropIds[row]);
            segment.Kill(row);
            deleted++;
        }

        // Dead segments go (not the tail, which takes the next appends).
        if (_segments.Count > 0)
        {
            var tail = _segments[^1];
            _segments.RemoveAll(s => s.LiveCount == 0 && !ReferenceEquals(s, tail));
        }

        return deleted;
    }

    /// <summary>The live rows captured before the cutoff, segment by segment (segments entirely after it are skipped).</summary>
    private IEnumerable<(Segment Segment, int Row)> RowsCapturedBefore(long cutoffTicks)
    {
        foreach (var segment in _segments)
        {
            if (segment.LiveCount == 0 || segment.MinTicks >= cutoffTicks)
            {
                continue;
            }

            for (var row = 0; row < segment.Count; row++)
            {
                if (segment.Tracks[row] != Segment.DeadTrack && segment.Ticks[row] < cutoffTicks)
                {
                    yield return (segment, row);
                }
            }
        }
    }

    /// <summary>Rows written but no longer live (tombstones still held in memory).</summary>
    public long DeadRows => _segments.Sum(static s => (long)(s.Count - s.LiveCount));
}

/// <summary>Where a crop's row lives.</summary>
internal readonly record struct RowRef(Segment Segment, int Row);
