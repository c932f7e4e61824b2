using System.Text.Json.Serialization;

namespace VfeTps.Stream.Search;

/// <summary>The body of <c>POST /api/search</c>: a person's description and optional filters. Unknown fields are refused.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SearchRequest : SearchFilters
{
    /// <summary>The person's description, e.g. "woman in a red coat with a black backpack" (required).</summary>
    public string? Text { get; init; }
}
