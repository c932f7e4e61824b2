namespace VfeTps.Stream.VectorIndex.Embedded;

/// <summary>Tuning of the embedded vector store; the defaults suit a site of tens of cameras and ~1 M crops.</summary>
public sealed class EmbeddedVectorStoreOptions
{
    /// <summary>Rows per segment; null = about 8 MiB of vectors per segment (16 384 rows at dimension 128).</summary>
    public int? SegmentRows { get; set; }

    /// <summary>Collections with fewer live points are scanned on one core (parallel start-up would cost more).</summary>
    public long ParallelScanMinPoints { get; set; } = 32_768;

    /// <summary>Cores one search may use.</summary>
    public int MaxScanParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>fsync every write before acknowledging it. Turn off only for throw-away data (benchmarks of the scan).</summary>
    public bool FlushToDisk { get; set; } = true;

    /// <summary>The log is rewritten when it holds at least this many superseded records ...</summary>
    public long CompactionMinGarbage { get; set; } = 100_000;

    /// <summary>... and they are at least this fraction of the live points.</summary>
    public double CompactionGarbageRatio { get; set; } = 0.5;

    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        if (SegmentRows is { } rows)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1, nameof(SegmentRows));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(rows, 1 << 20, nameof(SegmentRows));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(ParallelScanMinPoints, nameof(ParallelScanMinPoints));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxScanParallelism, 1, nameof(MaxScanParallelism));
        ArgumentOutOfRangeException.ThrowIfLessThan(CompactionMinGarbage, 1, nameof(CompactionMinGarbage));
        if (!(CompactionGarbageRatio >= 0) || double.IsInfinity(CompactionGarbageRatio))
        {
            throw new ArgumentOutOfRangeException(nameof(CompactionGarbageRatio), CompactionGarbageRatio, "Must be a finite number of at least 0.");
        }
    }

    internal int SegmentRowsFor(int dimension) =>
        SegmentRows ?? Math.Clamp((8 << 20) / (dimension * sizeof(float)), 1024, 1 << 16);
}
