using VfeTps.Stream.SiteBench.Frames;
using VfeTps.Stream.SiteBench.Pipeline;
using VfeTps.Stream.SiteBench.VectorSearch;

namespace VfeTps.Stream.SiteBench;

/// <summary>Everything one run of vfetps-bench measured (written as site-bench.json).</summary>
public sealed record SiteBenchResult(
    DateTimeOffset MeasuredAt,
    string Machine,
    IReadOnlyList<FrameCost> FrameCosts,
    IReadOnlyList<CameraCapacityStep> CameraCapacity,
    int? CamerasSustained,
    VectorSearchBenchmarkResult? VectorSearch,
    double PeakMemoryMebibytes);
