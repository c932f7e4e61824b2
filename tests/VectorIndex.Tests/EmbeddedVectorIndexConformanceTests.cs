using VfeTps.Stream.VectorIndex.Embedded;

namespace VfeTps.Stream.VectorIndex.Tests;

/// <summary>The conformance suite against the embedded store, in a temporary folder.</summary>
public sealed class EmbeddedVectorIndexConformanceTests : VectorIndexConformanceTests, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override IVectorStore CreateStore() => new EmbeddedVectorStore(_directory.PathOf("vectors"));

    protected override IVectorStore ReopenStore() => new EmbeddedVectorStore(_directory.PathOf("vectors"));

    public void Dispose() => _directory.Dispose();
}

/// <summary>
/// The suite again with tiny segments and a parallel scan from the first point, so that every search
/// above crosses many segments and is split across workers (the paths a 1 M point site takes).
/// </summary>
public sealed class SegmentedEmbeddedVectorIndexConformanceTests : VectorIndexConformanceTests, IDisposable
{
    private readonly TempDirectory _directory = new();

    internal static EmbeddedVectorStoreOptions Options => new() { SegmentRows = 37, ParallelScanMinPoints = 0, MaxScanParallelism = 3 };

    protected override IVectorStore CreateStore() => new EmbeddedVectorStore(_directory.PathOf("vectors"), Options);

    protected override IVectorStore ReopenStore() => new EmbeddedVectorStore(_directory.PathOf("vectors"), Options);

    public void Dispose() => _directory.Dispose();
}
