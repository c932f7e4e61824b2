using System.Security.Claims;

namespace VfeTps.Stream.Contracts.Access;

/// <summary>What the services read from an authenticated principal (built by the access library).</summary>
public static class SitePrincipal
{
    /// <summary>Stable id of the actor: <c>user:{name}</c> or <c>key:{keyId}</c>; <c>anonymous</c> when not signed in.</summary>
    public static string ActorId(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "anonymous";
    }

    /// <summary>Display name of the actor (user name, or the key's name).</summary>
    public static string ActorName(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindFirst(ClaimTypes.Name)?.Value ?? "anonymous";
    }

    public static IReadOnlyList<string> Roles(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindAll(ClaimTypes.Role).Select(claim => claim.Value).Where(SiteRoles.IsKnown).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The cameras the principal may see; an unauthenticated principal sees none.</summary>
    public static CameraScope CameraScope(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true)
            return Access.CameraScope.Only([]);
        if (principal.HasClaim(claim => claim.Type == SiteClaimTypes.AllCameras && claim.Value == "true"))
            return Access.CameraScope.Everything;
        return Access.CameraScope.Only(principal.FindAll(SiteClaimTypes.Camera).Select(claim => claim.Value));
    }
}
