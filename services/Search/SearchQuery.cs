namespace VfeTps.Stream.Search;

/// <summary>A validated search request's filters and shape, with the defaults filled in.</summary>
internal sealed record SearchQuery(
    IReadOnlyCollection<string>? Cameras,
    DateTimeOffset? From,
    DateTimeOffset? To,
    int K,
    bool GroupByTrack,
    int CropsPerTrack);
