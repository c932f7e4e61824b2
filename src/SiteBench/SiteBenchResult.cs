using VfeTps.Stream.SiteBench.ControlRoom;
using VfeTps.Stream.SiteBench.Frames;
using VfeTps.Stream.SiteBench.Pipeline;
using VfeTps.Stream.SiteBench.VectorSearch;

namespace VfeTps.Stream.SiteBench;

/// <summary>Everything one run of vfetps-bench measured (written as site-bench.json).</summary>
/// <remarks>
/// SitePeakMemoryMebibytes is the process's peak resident memory (VmHWM) after the decoding,
/// detection and camera-capacity parts, which run the real site; PeakMemoryMebibytes is the peak
/// at the end, which includes the vector-search part's collections of up to a million points.
/// A part left out (--skip) is an empty list or null.
/// </remarks>
public sealed record SiteBenchResult(
    DateTimeOffset MeasuredAt,
    string Machine,
    IReadOnlyList<FrameCost> FrameCosts,
    IReadOnlyList<CameraCapacityStep> CameraCapacity,
    int? CamerasSustained,
    VectorSearchBenchmarkResult? VectorSearch,
    ControlRoomBenchmarkResult? ControlRoom,
    double? SitePeakMemoryMebibytes,
    double? PeakMemoryMebibytes);
