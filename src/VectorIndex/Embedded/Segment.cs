namespace VfeTps.Stream.VectorIndex.Embedded;

/// <summary>
/// A block of rows stored column-wise: the vectors of all rows in one contiguous float array (what the
/// scan reads), and beside it the few numbers the filters test (capture time, camera and track
/// ordinals), so that a row is skipped without touching its payload. A track ordinal of -1 marks a
/// deleted row (tombstone). The arrays grow by doubling up to the segment's capacity. Not thread-safe:
/// the owning <see cref="RowStore"/> mutates it under the collection's write lock.
/// </summary>
internal sealed class Segment
{
    public const int DeadTrack = -1;

    private const int InitialRows = 64;

    private readonly int _dimension;

    public Segment(int dimension, int capacity)
    {
        _dimension = dimension;
        Capacity = capacity;
        var rows = Math.Min(capacity, InitialRows);
        Vectors = new float[rows * dimension];
        Ticks = new long[rows];
        Cameras = new int[rows];
        Tracks = new int[rows];
        CropIds = new string[rows];
        Payloads = new CropPayload[rows];
    }

    public int Capacity { get; }

    /// <summary>Rows written (live or dead); the next append goes to this index.</summary>
    public int Count { get; private set; }

    public int LiveCount { get; private set; }

    /// <summary>Lowest capture time of any row ever written here (UTC ticks): a bound, so the time filter may skip the segment.</summary>
    public long MinTicks { get; private set; } = long.MaxValue;

    public long MaxTicks { get; private set; } = long.MinValue;

    public float[] Vectors { get; private set; }

    public long[] Ticks { get; private set; }

    public int[] Cameras { get; private set; }

    public int[] Tracks { get; private set; }

    public string[] CropIds { get; private set; }

    public CropPayload[] Payloads { get; private set; }

    public bool IsFull => Count == Capacity;

    public ReadOnlySpan<float> VectorOf(int row) => Vectors.AsSpan(row * _dimension, _dimension);

    public int Append(string cropId, ReadOnlySpan<float> vector, CropPayload payload, long ticks, int camera, int track)
    {
        if (Count == Ticks.Length)
        {
            Grow();
        }

        var row = Count++;
        Write(row, cropId, vector, payload, ticks, camera, track);
        LiveCount++;
        return row;
    }

    /// <summary>Replaces a live row in place (an upsert of an id already stored).</summary>
    public void Overwrite(int row, string cropId, ReadOnlySpan<float> vector, CropPayload payload, long ticks, int camera, int track) =>
        Write(row, cropId, vector, payload, ticks, camera, track);

    public void Kill(int row)
    {
        Tracks[row] = DeadTrack;
        CropIds[row] = null!;
        Payloads[row] = null!;
        LiveCount--;
    }

    private void Write(int row, string cropId, ReadOnlySpan<float> vector, CropPayload payload, long ticks, int camera, int track)
    {
        vector.CopyTo(Vectors.AsSpan(row * _dimension, _dimension));
        Ticks[row] = ticks;
        Cameras[row] = camera;
        Tracks[row] = track;
        CropIds[row] = cropId;
        Payloads[row] = payload;
        MinTicks = Math.Min(MinTicks, ticks);
        MaxTicks = Math.Max(MaxTicks, ticks);
    }

    private void Grow()
    {
        var rows = Math.Min(Capacity, Ticks.Length * 2);
        Vectors = Resized(Vectors, rows * _dimension);
        Ticks = Resized(Ticks, rows);
        Cameras = Resized(Cameras, rows);
        Tracks = Resized(Tracks, rows);
        CropIds = Resized(CropIds, rows);
        Payloads = Resized(Payloads, rows);
    }

    private static T[] Resized<T>(T[] array, int length)
    {
        var copy = new T[length];
        array.AsSpan().CopyTo(copy);
        return copy;
    }
}
