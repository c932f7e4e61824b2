namespace VfeTps.Stream.SiteBench.VectorSearch;

/// <summary>Settings of the vector-search benchmark (the embedded index at site scale).</summary>
public sealed record VectorSearchBenchmarkOptions
{
    /// <summary>Collection sizes measured, each a fresh collection.</summary>
    public IReadOnlyList<int> Sizes { get; init; } = [10_000, 100_000, 1_000_000];

    /// <summary>Embedding dimension: 128 for the default model, 512 for the paper's CLIP ViT-B/16.</summary>
    public int Dimension { get; init; } = 128;

    /// <summary>Timed queries per scenario (after a few untimed warm-up queries).</summary>
    public int Queries { get; init; } = 100;

    /// <summary>Queries checked against a brute-force scan for recall@10.</summary>
    public int RecallQueries { get; init; } = 20;

    public int Cameras { get; init; } = 32;

    /// <summary>Crops per track (best shots kept by PersonCrop).</summary>
    public int ShotsPerTrack { get; init; } = 4;

    /// <summary>The capture times of a collection span this long, in write order (the newest last).</summary>
    public TimeSpan TimeSpan { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Hits (or tracks) a search asks for.</summary>
    public int Limit { get; init; } = 20;

    public int CropsPerTrack { get; init; } = 3;

    /// <summary>The Embedder's batch size, for the timed small-batch writes (each fsynced).</summary>
    public int WriteBatchSize { get; init; } = 16;

    /// <summary>Timed small-batch writes per size (the last points of the collection).</summary>
    public int WriteBatches { get; init; } = 200;

    /// <summary>Batch size of the bulk load that fills the collection before that.</summary>
    public int LoadBatchSize { get; init; } = 4096;

    public int Seed { get; init; } = 42;

    /// <summary>Where collections are written; null = a temporary folder, deleted afterwards.</summary>
    public string? WorkDirectory { get; init; }

    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        if (Sizes is not { Count: > 0 } || Sizes.Any(static s => s < 1))
        {
            throw new ArgumentException("Give at least one collection size, each at least 1.", nameof(Sizes));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Dimension, 2, nameof(Dimension));
        ArgumentOutOfRangeException.ThrowIfLessThan(Queries, 1, nameof(Queries));
        ArgumentOutOfRangeException.ThrowIfNegative(RecallQueries, nameof(RecallQueries));
        ArgumentOutOfRangeException.ThrowIfLessThan(Cameras, 3, nameof(Cameras));
        ArgumentOutOfRangeException.ThrowIfLessThan(ShotsPerTrack, 1, nameof(ShotsPerTrack));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(TimeSpan, TimeSpan.Zero, nameof(TimeSpan));
        ArgumentOutOfRangeException.ThrowIfLessThan(Limit, 10, nameof(Limit));
        ArgumentOutOfRangeException.ThrowIfLessThan(CropsPerTrack, 1, nameof(CropsPerTrack));
        ArgumentOutOfRangeException.ThrowIfLessThan(WriteBatchSize, 1, nameof(WriteBatchSize));
        ArgumentOutOfRangeException.ThrowIfNegative(WriteBatches, nameof(WriteBatches));
        ArgumentOutOfRangeException.ThrowIfLessThan(LoadBatchSize, 1, nameof(LoadBatchSize));
    }
}
