using VfeTps.Stream.VectorIndex;

namespace VfeTps.Stream.Embedder.Tests;

/// <summary>Test double: the real index, except that the first <paramref name="failures"/> writes throw an IOException (a full disk).</summary>
internal sealed class FailingWritesIndex(IVectorIndex inner, int failures) : IVectorIndex
{
    private int _remaining = failures;

    public int Attempts { get; private set; }

    public string Name => inner.Name;

    public int Dimension => inner.Dimension;

    public Task UpsertAsync(IReadOnlyList<CropVector> points, CancellationToken cancellationToken)
    {
        Attempts++;
        return Interlocked.Decrement(ref _remaining) >= 0
            ? throw new IOException("No space left on device")
            : inner.UpsertAsync(points, cancellationToken);
    }

    public Task<IReadOnlyList<VectorHit>> SearchAsync(VectorQuery query, CancellationToken cancellationToken) => inner.SearchAsync(query, cancellationToken);

    public Task<IReadOnlyList<CropVector>> LatestAsync(int count, CancellationToken cancellationToken) => inner.LatestAsync(count, cancellationToken);

    public Task<IReadOnlyList<TrackHit>> SearchTracksAsync(VectorQuery query, int cropsPerTrack, CancellationToken cancellationToken) =>
        inner.SearchTracksAsync(query, cropsPerTrack, cancellationToken);

    public Task<CropVector?> GetAsync(string cropId, CancellationToken cancellationToken) => inner.GetAsync(cropId, cancellationToken);

    public Task<long> DeleteCapturedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => inner.DeleteCapturedBeforeAsync(cutoff, cancellationToken);

    public Task<long> CountAsync(CancellationToken cancellationToken) => inner.CountAsync(cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
