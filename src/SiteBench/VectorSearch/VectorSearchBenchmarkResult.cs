namespace VfeTps.Stream.SiteBench.VectorSearch;

/// <summary>What the vector-search benchmark measured (serialisable to JSON as it is).</summary>
/// <param name="StartedAt">When the run began.</param>
/// <param name="Machine">Where it ran (cores, OS, runtime).</param>
/// <param name="Dimension">Embedding dimension.</param>
/// <param name="Sizes">One entry per collection size.</param>
public sealed record VectorSearchBenchmarkResult(DateTimeOffset StartedAt, string Machine, int Dimension, IReadOnlyList<VectorSearchSizeResult> Sizes);

/// <summary>One collection size.</summary>
/// <param name="Points">Points in the collection.</param>
/// <param name="BulkLoad">Filling it in large batches (each fsynced).</param>
/// <param name="EmbedderWrites">The last points, in the Embedder's small batches (each fsynced), into the full collection.</param>
/// <param name="ReopenSeconds">Closing and opening it again (replaying the point log), as after a restart.</param>
/// <param name="LogBytes">Size of the point log on disk.</param>
/// <param name="ManagedBytes">Managed heap after a full collection, collection open (the process, not only the index).</param>
/// <param name="PeakWorkingSetBytes">Peak working set of the process so far.</param>
/// <param name="RecallAt10">Mean recall@10 of unfiltered queries against a brute-force scan in double precision.</param>
/// <param name="FilteredRecallAt10">The same with the camera and time filter.</param>
/// <param name="Searches">Latency per scenario, ungrouped and grouped.</param>
public sealed record VectorSearchSizeResult(
    int Points,
    WriteMeasurement BulkLoad,
    WriteMeasurement EmbedderWrites,
    double ReopenSeconds,
    long LogBytes,
    long ManagedBytes,
    long PeakWorkingSetBytes,
    double RecallAt10,
    double FilteredRecallAt10,
    IReadOnlyList<SearchLatency> Searches);

/// <summary>Writes in batches of one size.</summary>
public sealed record WriteMeasurement(int BatchSize, int Batches, double PointsPerSecond, double P50BatchMs, double P95BatchMs);

/// <summary>Search latency of one scenario.</summary>
/// <param name="Scenario">all | cameras (3 of the cameras) | time (the last hour) | cameras+time.</param>
/// <param name="Grouped">One entry per track (SearchTracksAsync) rather than per crop.</param>
/// <param name="Queries">Timed queries.</param>
/// <param name="P50Ms">Median latency.</param>
/// <param name="P95Ms">95th percentile latency.</param>
/// <param name="MeanMs">Mean latency.</param>
/// <param name="MeanHits">Hits (or tracks) returned on average.</param>
public sealed record SearchLatency(string Scenario, bool Grouped, int Queries, double P50Ms, double P95Ms, double MeanMs, double MeanHits);
