using System.Text.Json.Serialization;

namespace VfeTps.Stream.Search;

/// <summary>The body of <c>POST /api/search</c>: a person's description and optional filters. Unknown fields are refused.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SearchRequest : ISearchFilters
{
    /// <summary>The person's description, e.g. "woman in a red coat with a black backpack" (required).</summary>
    public string? Text { get; init; }

    /// <inheritdoc />
    public IReadOnlyList<string?>? Cameras { get; init; }

    /// <inheritdoc />
    public DateTimeOffset? From { get; init; }

    /// <inheritdoc />
    public DateTimeOffset? To { get; init; }

    /// <inheritdoc />
    public int? K { get; init; }

    /// <inheritdoc />
    public bool? GroupByTrack { get; init; }

    /// <inheritdoc />
    public int? CropsPerTrack { get; init; }
}
