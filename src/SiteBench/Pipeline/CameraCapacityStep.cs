namespace VfeTps.Stream.SiteBench.Pipeline;

/// <summary>One step of the capacity benchmark: N cameras at the target rate for a measured window.</summary>
/// <param name="Cameras">Cameras running.</param>
/// <param name="TargetFramesPerSecond">Sampling rate asked of each camera.</param>
/// <param name="PublishedFramesPerSecond">Frames per second that reached the pipeline, all cameras together.</param>
/// <param name="DroppedShare">Share of sampled frames dropped because PersonCrop was behind (backpressure).</param>
/// <param name="CropsIndexed">Crops that became searchable during the window.</param>
/// <param name="CaptureToSearchableP50Seconds">Median capture-to-searchable latency of those crops.</param>
/// <param name="CaptureToSearchableP95Seconds">95th percentile of the same.</param>
/// <param name="CpuCoresUsed">Process CPU time over wall time in the window.</param>
/// <param name="WorkingSetMebibytes">The process's working set at the end of the window (the whole site, this many cameras).</param>
/// <param name="Sustained">Every camera kept its rate: ≥ 95 % of target published, ≤ 2 % dropped, p95 latency ≤ 10 s.</param>
public sealed record CameraCapacityStep(
    int Cameras,
    double TargetFramesPerSecond,
    double PublishedFramesPerSecond,
    double DroppedShare,
    long CropsIndexed,
    double? CaptureToSearchableP50Seconds,
    double? CaptureToSearchableP95Seconds,
    double CpuCoresUsed,
    double WorkingSetMebibytes,
    bool Sustained);
