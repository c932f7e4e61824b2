using VfeTps.Stream.Contracts.Access;

namespace VfeTps.Stream.Access;

/// <summary>
/// How roles and cameras are kept in a text column: comma-separated (neither roles nor camera ids may
/// contain a comma). Cameras: NULL for every camera, an empty string for none.
/// </summary>
internal static class StoredLists
{
    public static IReadOnlyList<string> CanonicalRoles(IEnumerable<string> roles)
    {
        var set = roles.ToHashSet(StringComparer.Ordinal);
        return SiteRoles.All.Where(set.Contains).ToArray();
    }

    public static string JoinRoles(IReadOnlyList<string> roles) => string.Join(',', roles);

    public static IReadOnlyList<string> SplitRoles(string value) =>
        CanonicalRoles(value.Split(',', StringSplitOptions.RemoveEmptyEntries).Where(SiteRoles.IsKnown));

    public static object JoinCameras(IReadOnlyList<string>? cameras) => cameras is null ? DBNull.Value : string.Join(',', cameras);

    public static IReadOnlyList<string>? SplitCameras(object value) =>
        value is string text ? text.Split(',', StringSplitOptions.RemoveEmptyEntries) : null;
}
