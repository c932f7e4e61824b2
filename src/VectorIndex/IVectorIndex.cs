namespace VfeTps.Stream.VectorIndex;

/// <summary>
/// One collection of crop vectors, all from one model version (a query must never mix the vectors of
/// two models). Implemented in-process (<c>EmbeddedVectorIndex</c>) and over Qdrant; both pass the
/// same conformance tests. Thread-safe: writes and searches may run concurrently.
/// </summary>
public interface IVectorIndex : IAsyncDisposable
{
    /// <summary>The collection's name (the model version whose vectors it holds).</summary>
    string Name { get; }

    int Dimension { get; }

    /// <summary>Inserts or replaces points by crop id. Durable when the task completes.</summary>
    /// <exception cref="ArgumentException">A vector has the wrong dimension or is not finite.</exception>
    Task UpsertAsync(IReadOnlyList<CropVector> points, CancellationToken cancellationToken);

    /// <summary>The best crops, best first.</summary>
    Task<IReadOnlyList<VectorHit>> SearchAsync(VectorQuery query, CancellationToken cancellationToken);

    /// <summary>The best tracks, best first: one entry per (camera, track), holding up to <paramref name="cropsPerTrack"/> crops.</summary>
    Task<IReadOnlyList<TrackHit>> SearchTracksAsync(VectorQuery query, int cropsPerTrack, CancellationToken cancellationToken);

    /// <summary>A stored point (for "more like this"), or null.</summary>
    Task<CropVector?> GetAsync(string cropId, CancellationToken cancellationToken);

    /// <summary>Deletes every point captured before <paramref name="cutoff"/> (retention); returns how many.</summary>
    Task<long> DeleteCapturedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    Task<long> CountAsync(CancellationToken cancellationToken);
}
