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

    /// <summary>
    /// Inserts or replaces points by crop id (a redelivered point overwrites its earlier copy). Durable
    /// when the task completes. Vectors are stored L2-normalised, so scores are cosine similarities.
    /// The batch is checked first (<see cref="VectorIndexArguments.ValidatePoints"/>): one bad point
    /// refuses the whole batch.
    /// </summary>
    /// <exception cref="ArgumentException">A vector has the wrong dimension, is not finite or is zero, or a point is incomplete; the message names the crop id.</exception>
    Task UpsertAsync(IReadOnlyList<CropVector> points, CancellationToken cancellationToken);

    /// <summary>The best crops among those that pass the query's filters, best first.</summary>
    /// <exception cref="ArgumentException">The query is invalid (<see cref="VectorIndexArguments.ValidateQuery"/>); a limit outside 1..<see cref="VectorQuery.MaxLimit"/> throws <see cref="ArgumentOutOfRangeException"/>.</exception>
    Task<IReadOnlyList<VectorHit>> SearchAsync(VectorQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// The best tracks, best first: one entry per (camera, track), ranked by its best passing crop,
    /// holding its best passing crops (up to <paramref name="cropsPerTrack"/>, 1..<see cref="VectorIndexArguments.MaxCropsPerTrack"/>)
    /// and the number of its crops that passed the filters.
    /// </summary>
    Task<IReadOnlyList<TrackHit>> SearchTracksAsync(VectorQuery query, int cropsPerTrack, CancellationToken cancellationToken);

    /// <summary>A stored point (for "more like this"; its vector normalised), or null.</summary>
    Task<CropVector?> GetAsync(string cropId, CancellationToken cancellationToken);

    /// <summary>Deletes every point captured before <paramref name="cutoff"/> (strictly; retention); returns how many. Durable when the task completes.</summary>
    Task<long> DeleteCapturedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    Task<long> CountAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The <paramref name="count"/> most recently captured live points (by payload capture time), newest
    /// first, their vectors normalised; fewer when the collection holds fewer. For consumers that need a
    /// sample of recent crops at start (the watchlists calibrate their scores on it).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not within 1..<see cref="VectorIndexArguments.MaxLatestCount"/>.</exception>
    Task<IReadOnlyList<CropVector>> LatestAsync(int count, CancellationToken cancellationToken);
}
