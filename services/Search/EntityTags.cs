using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace VfeTps.Stream.Search;

/// <summary>Conditional requests for the images and the UI's assets.</summary>
internal static class EntityTags
{
    /// <summary>Whether If-None-Match names <paramref name="tag"/> (or "*"); weak tags from proxies count (RFC 9110 compares weakly here).</summary>
    public static bool IfNoneMatch(HttpRequest request, EntityTagHeaderValue tag) =>
        request.GetTypedHeaders().IfNoneMatch.Any(candidate => candidate.Equals(EntityTagHeaderValue.Any) || candidate.Compare(tag, useStrongComparison: false));
}
