using System.Security.Claims;
using VfeTps.Stream.Contracts.Access;

namespace VfeTps.Stream.Access;

/// <summary>
/// Builds the principal of a request from the stored user or key as it is now (so a role change, a
/// disable or a revoke applies to the next request): actor id and name, a role claim per role, the
/// camera scope, how it signed in, and for a key the user who owns it.
/// </summary>
internal static class SitePrincipalFactory
{
    public static ClaimsPrincipal ForUser(StoredUser user) =>
        Build($"user:{user.Name}", user.Name, user.Roles, user.Cameras, AuthenticationMethods.Session, owner: null);

    public static ClaimsPrincipal ForKey(StoredApiKey key) =>
        Build($"key:{key.Id}", key.Name, key.Roles, key.Cameras, AuthenticationMethods.ApiKey, key.Owner);

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
