namespace VfeTps.Stream.Search;

/// <summary>The filters and shape options a text search and a "more like this" search share.</summary>
public abstract record SearchFilters
{
    /// <summary>Only crops from these cameras (camera ids); absent or empty = all cameras.</summary>
    public IReadOnlyList<string?>? Cameras { get; init; }

    /// <summary>Only crops captured at or after this time (ISO 8601).</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Only crops captured before this time (ISO 8601).</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>How many results (tracks, when grouping); 20 by default.</summary>
    public int? K { get; init; }

    /// <summary>One result per tracked person with its other sightings (true by default), or one result per crop.</summary>
    public bool? GroupByTrack { get; init; }

    /// <summary>When grouping: the best crop plus up to this many minus one sightings per track (1–10, 3 by default).</summary>
    public int? CropsPerTrack { get; init; }
}
