namespace VfeTps.Stream.Search;

/// <summary>The fixed defaults and bounds of a search request (the configurable ones are in <see cref="SearchOptions"/>).</summary>
public static class SearchLimits
{
    /// <summary>Results (or tracks, when grouping) returned when a request gives no <c>k</c>.</summary>
    public const int DefaultK = 20;

    /// <summary>Crops shown per track when a request gives no <c>cropsPerTrack</c>: the best one and two sightings.</summary>
    public const int DefaultCropsPerTrack = 3;

    /// <summary>The largest <c>cropsPerTrack</c>.</summary>
    public const int MaxCropsPerTrack = 10;

    /// <summary>The most cameras one request may filter on.</summary>
    public const int MaxCameras = 256;
}
