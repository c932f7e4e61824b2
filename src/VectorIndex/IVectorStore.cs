namespace VfeTps.Stream.VectorIndex;

/// <summary>Opens collections (one per model version) of a vector store.</summary>
public interface IVectorStore
{
    /// <summary>Opens the collection, creating it when missing.</summary>
    /// <exception cref="InvalidOperationException">It exists with another dimension.</exception>
    Task<IVectorIndex> OpenAsync(string name, int dimension, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Deletes a collection and its points; false when there was none. It must not be open.</summary>
    Task<bool> DeleteAsync(string name, CancellationToken cancellationToken);
}
