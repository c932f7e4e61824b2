namespace VfeTps.Stream.VectorIndex.Embedded;

/// <summary>
/// A handle on an open embedded collection (exact SIMD search, point log on local disk). Several
/// handles on one collection share its data: the Embedder's writes are visible to the Search's
/// handle at once. Disposing a handle closes the collection when it was the last one.
/// Get one from <see cref="EmbeddedVectorStore.OpenAsync"/>.
/// </summary>
public sealed class EmbeddedVectorIndex : IVectorIndex
{
    private readonly EmbeddedCollection _collection;
    private readonly EmbeddedVectorStore _store;
    private int _disposed;

    internal EmbeddedVectorIndex(EmbeddedCollection collection, EmbeddedVectorStore store)
    {
        _collection = collection;
        _store = store;
    }

    public string Name => _collection.Name;

    public int Dimension => _collection.Dimension;

    /// <summary>The collection's folder.</summary>
    public string Directory => _collection.Directory;

    public Task UpsertAsync(IReadOnlyList<CropVector> points, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return _collection.UpsertAsync(points, cancellationToken);
    }

    public Task<IReadOnlyList<VectorHit>> SearchAsync(VectorQuery query, CancellationToken cancellationToken) =>
        Run(() => _collection.Search(query, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<TrackHit>> SearchTracksAsync(VectorQuery query, int cropsPerTrack, CancellationToken cancellationToken) =>
        Run(() => _collection.SearchTracks(query, cropsPerTrack, cancellationToken), cancellationToken);

    public Task<CropVector?> GetAsync(string cropId, CancellationToken cancellationToken) =>
        Run(() => _collection.Get(cropId), cancellationToken);

    public Task<long> DeleteCapturedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return _collection.DeleteCapturedBeforeAsync(cutoff, cancellationToken);
    }

    public Task<long> CountAsync(CancellationToken cancellationToken) => Run(_collection.Count, cancellationToken);

    public Task<IReadOnlyList<CropVector>> LatestAsync(int count, CancellationToken cancellationToken) =>
        Run(() => _collection.Latest(count, cancellationToken), cancellationToken);

    /// <summary>
    /// Rewrites the point log with only the live points and drops tombstones from memory. Runs by
    /// itself after writes and retention once superseded records outweigh
    /// <see cref="EmbeddedVectorStoreOptions.CompactionMinGarbage"/> and <see cref="EmbeddedVectorStoreOptions.CompactionGarbageRatio"/>;
    /// writes wait for it, searches do not.
    /// </summary>
    public Task CompactAsync(CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return _collection.CompactAsync(cancellationToken);
    }

    public EmbeddedVectorIndexStatistics GetStatistics()
    {
        ThrowIfDisposed();
        return _collection.Statistics();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _store.ReleaseAsync(_collection).ConfigureAwait(false);
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed != 0, this);

    /// <summary>Runs a synchronous (CPU-bound) operation, reporting failures through the task like an async method.</summary>
    private Task<T> Run<T>(Func<T> operation, CancellationToken cancellationToken)
    {
        try
        {
            ThrowIfDisposed();
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(operation());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }
        catch (Exception e)
        {
            return Task.FromException<T>(e);
        }
    }
}
