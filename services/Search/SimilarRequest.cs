using System.Text.Json.Serialization;

namespace VfeTps.Stream.Search;

/// <summary>
/// The body of <c>POST /api/search/similar</c> ("more like this"): people who look like a stored crop,
/// found with that crop's own vector. Unknown fields are refused.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SimilarRequest : SearchFilters
{
    /// <summary>The crop to find more of (required).</summary>
    public string? CropId { get; init; }

    /// <summary>
    /// Also return the query crop's own track (the query crop itself then comes first). False by
    /// default: the operator already has that person and wants other sightings.
    /// </summary>
    public bool? IncludeSameTrack { get; init; }
}
