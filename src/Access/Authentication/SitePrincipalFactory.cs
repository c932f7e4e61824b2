using System.Security.Claims;
using VfeTps.Stream.Contracts.Access;

namespace VfeTps.Stream.Access;

/// <summary>
/// Builds the principal of a request from the stored user or key as it is now (so a role change, a
/// disable or a revoke applies to the next request): actor id and name, a role claim per role, the
/// camera scope, how it signed in, and for a key the user who owns it. A key never holds more than its
/// owner holds now: its roles and cameras are intersected with the owner's current ones, so demoting or
/// restricting a user narrows their keys at once.
/// </summary>
internal static class SitePrincipalFactory
{
    public static ClaimsPrincipal ForUser(StoredUser user) =>
        Build($"user:{user.Name}", user.Name, user.Roles, user.Cameras, AuthenticationMethods.Session, owner: null);

    /// <summary>The principal of a key: the key's roles held by its owner too, and the cameras both may see.</summary>
    public static ClaimsPrincipal ForKey(StoredApiKey key, IReadOnlyList<string> ownerRoles, IReadOnlyList<string>? ownerCameras) =>
        Build(
            $"key:{key.Id}",
            key.Name,
            key.Roles.Intersect(ownerRoles, StringComparer.Ordinal).ToArray(),
            IntersectCameras(key.Cameras, ownerCameras),
            AuthenticationMethods.ApiKey,
            key.Owner);

    /// <summary>The cameras both lists allow (null = every camera: then the other list, or every camera when both are null).</summary>
    public static IReadOnlyList<string>? IntersectCameras(IReadOnlyList<string>? first, IReadOnlyList<string>? second) =>
        first is null ? second : second is null ? first : first.Intersect(second, StringComparer.Ordinal).ToArray();

    private static ClaimsPrincipal Build(
        string id, string name, IReadOnlyList<string> roles, IReadOnlyList<string>? cameras, string method, string? owner)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, id),
            new(ClaimTypes.Name, name),
            new(SiteClaimTypes.AuthenticationMethod, method),
        };
        claims.AddRange(roles.Select(role => new Claim(ClaimTypes.Role, role)));
        if (cameras is null)
            claims.Add(new Claim(SiteClaimTypes.AllCameras, "true"));
        else
            claims.AddRange(cameras.Select(camera => new Claim(SiteClaimTypes.Camera, camera)));
        if (owner is not null)
            claims.Add(new Claim(SiteClaimTypes.Owner, owner));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationMethods.Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>How the principal signed in (<see cref="AuthenticationMethods"/>), or null when it did not.</summary>
    public static string? MethodOf(ClaimsPrincipal principal) => principal.FindFirst(SiteClaimTypes.AuthenticationMethod)?.Value;

    /// <summary>The user acting: the signed-in user, or the owner of the API key used.</summary>
    public static string? UserOf(ClaimsPrincipal principal) =>
        MethodOf(principal) switch
        {
            AuthenticationMethods.Session => principal.ActorName(),
            AuthenticationMethods.ApiKey => principal.FindFirst(SiteClaimTypes.Owner)?.Value,
            _ => null,
        };
}
