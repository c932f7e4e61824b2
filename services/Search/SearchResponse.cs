namespace VfeTps.Stream.Search;

/// <summary>The answer to a search: ranked results, best first, and which model produced them.</summary>
/// <param name="ModelVersion">The model version of both the query embedding and the searched vectors.</param>
/// <param name="TookMs">Server time spent on the query, in milliseconds.</param>
/// <param name="GroupedByTrack">Whether each result is a tracked person (with sightings) or a single crop.</param>
/// <param name="Results">The results, best first.</param>
public sealed record SearchResponse(string ModelVersion, double TookMs, bool GroupedByTrack, IReadOnlyList<SearchResult> Results);
