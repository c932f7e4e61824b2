using System.Security.Claims;
using VfeTps.Stream.Contracts.Access;

namespace VfeTps.Stream.Search;

/// <summary>
/// Bounds a search by the caller's camera scope: a query over every camera searches only the
/// cameras the caller may see; a query naming a camera outside it is refused.
/// </summary>
internal static class SearchScope
{
    /// <summary>The query limited to the caller's cameras; false when it names a camera the caller may not see.</summary>
    public static bool TryLimit(ClaimsPrincipal user, SearchQuery query, out SearchQuery limited)
    {
        var scope = user.CameraScope();
        limited = query;
        if (!scope.TryRestrict(query.Cameras?.ToArray(), out var allowed))
            return false;
        if (!scope.IsEverything)
            limited = query with { Cameras = allowed!.ToArray() };
        return true;
    }

    /// <summary>A restricted caller with no camera at all: the answer is empty whatever the query.</summary>
    public static bool SeesNothing(SearchQuery query) => query.Cameras is { Count: 0 };
}
