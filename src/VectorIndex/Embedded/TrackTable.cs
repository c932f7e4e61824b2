namespace VfeTps.Stream.VectorIndex.Embedded;

/// <summary>
/// (camera, track) pairs mapped to dense ordinals, so a grouped search keeps its per-track state in
/// arrays indexed by the row's ordinal instead of a dictionary lookup per row. A track whose last row
/// is deleted gives its ordinal back for reuse, so the table (and every grouped search's arrays) stays
/// as large as the live tracks, not as every track ever seen.
/// </summary>
internal sealed class TrackTable
{
    private readonly Dictionary<(int Camera, long Track), int> _ordinals = [];
    private readonly Stack<int> _free = new();
    private int[] _cameras = new int[64];
    private long[] _trackIds = new long[64];
    private int[] _liveRows = new int[64];

    /// <summary>One past the highest ordinal in use: the length a per-track array needs.</summary>
    public int Capacity { get; private set; }

    public int LiveTracks => _ordinals.Count;

    public int CameraOf(int ordinal) => _cameras[ordinal];

    public long TrackIdOf(int ordinal) => _trackIds[ordinal];

    /// <summary>The ordinal of the pair, counting one more live row on it.</summary>
    public int AddRow(int camera, long trackId)
    {
        if (!_ordinals.TryGetValue((camera, trackId), out var ordinal))
        {
            ordinal = _free.Count > 0 ? _free.Pop() : NewOrdinal();
            _ordinals.Add((camera, trackId), ordinal);
            _cameras[ordinal] = camera;
            _trackIds[ordinal] = trackId;
            _liveRows[ordinal] = 0;
        }

        _liveRows[ordinal]++;
        return ordinal;
    }

    /// <summary>Counts one live row fewer on the track; its last row gone, the ordinal is freed.</summary>
    public void RemoveRow(int ordinal)
    {
        if (--_liveRows[ordinal] == 0)
        {
            _ordinals.Remove((_cameras[ordinal], _trackIds[ordinal]));
            _free.Push(ordinal);
        }
    }

    private int NewOrdinal()
    {
        if (Capacity == _cameras.Length)
        {
            Array.Resize(ref _cameras, Capacity * 2);
            Array.Resize(ref _trackIds, Capacity * 2);
            Array.Resize(ref _liveRows, Capacity * 2);
        }

        return Capacity++;
    }
}
