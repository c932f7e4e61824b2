namespace VfeTps.Stream.Host.Site;

/// <summary>GET /api/stats.</summary>
/// <param name="ModelVersion">The serving model (and vector collection).</param>
/// <param name="IndexedCrops">Vectors in the collection.</param>
/// <param name="IndexedSinceStart">Crops indexed since this process started.</param>
/// <param name="CaptureToSearchableP50Seconds">Median capture-to-searchable latency of recent crops.</param>
/// <param name="CaptureToSearchableP95Seconds">95th percentile of the same.</param>
/// <param name="FrameBacklog">Frames waiting for PersonCrop.</param>
/// <param name="CropBacklog">Crops waiting for the Embedder.</param>
public sealed record SiteStats(
    string ModelVersion,
    long IndexedCrops,
    long IndexedSinceStart,
    double? CaptureToSearchableP50Seconds,
    double? CaptureToSearchableP95Seconds,
    int FrameBacklog,
    int CropBacklog);
