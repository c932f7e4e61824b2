namespace VfeTps.Stream.VectorIndex;

/// <summary>Opens collections (one per model version) of a vector store.</summary>
public interface IVectorStore
{
    /// <summary>Opens the collection, creating it when missing. Dispose the index when done with it.</summary>
    /// <exception cref="ArgumentException">The name is not a valid collection name (<see cref="CollectionNames"/>).</exception>
    /// <exception cref="InvalidOperationException">It exists with another dimension.</exception>
    Task<IVectorIndex> OpenAsync(string name, int dimension, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Deletes a collection and its points; false when there was none.</summary>
    /// <exception cref="InvalidOperationException">The collection is open.</exception>
    Task<bool> DeleteAsync(string name, CancellationToken cancellationToken);
}
