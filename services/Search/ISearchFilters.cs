namespace VfeTps.Stream.Search;

/// <summary>The filters and shape options a text search and a "more like this" search share.</summary>
public interface ISearchFilters
{
    /// <summary>Only crops from these cameras (camera ids); absent or empty = all cameras.</summary>
    IReadOnlyList<string?>? Cameras { get; }

    /// <summary>Only crops captured at or after this time (ISO 8601).</summary>
    DateTimeOffset? From { get; }

    /// <summary>Only crops captured before this time (ISO 8601).</summary>
    DateTimeOffset? To { get; }

    /// <summary>How many results (tracks, when grouping); 20 by default.</summary>
    int? K { get; }

    /// <summary>One result per tracked person with its other sightings (true by default), or one result per crop.</summary>
    bool? GroupByTrack { get; }

    /// <summary>When grouping: the best crop plus up to this many minus one sightings per track (1–10, 3 by default).</summary>
    int? CropsPerTrack { get; }
}
