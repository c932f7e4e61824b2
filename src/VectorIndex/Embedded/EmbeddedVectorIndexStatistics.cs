namespace VfeTps.Stream.VectorIndex.Embedded;

/// <summary>A snapshot of an embedded collection's size (for health pages and benchmarks).</summary>
/// <param name="Points">Live points.</param>
/// <param name="DeadRows">Deleted rows still held in memory (tombstones, skipped by the scan).</param>
/// <param name="Segments">Row segments in memory.</param>
/// <param name="Tracks">Distinct (camera, track) pairs among the live points.</param>
/// <param name="Cameras">Cameras ever seen since the collection was opened or compacted.</param>
/// <param name="VectorBytes">Memory allocated for vectors.</param>
/// <param name="LogBytes">Size of the point log on disk.</param>
/// <param name="LogRecords">Records in the log; those beyond <paramref name="Points"/> are garbage a compaction removes.</param>
public sealed record EmbeddedVectorIndexStatistics(
    long Points, long DeadRows, int Segments, int Tracks, int Cameras, long VectorBytes, long LogBytes, long LogRecords);
