using VfeTps.Stream.VectorIndex;
using VfeTps.Stream.VectorIndex.Embedded;

namespace VfeTps.Stream.Search.Tests;

/// <summary>Opens the vector index the tests search: the real embedded store, in a folder of the test's own.</summary>
internal static class TestIndexes
{
    public static Task<IVectorIndex> OpenAsync(string directory, string name, int dimension, CancellationToken cancellationToken) =>
        new EmbeddedVectorStore(directory).OpenAsync(name, dimension, cancellationToken);
}
