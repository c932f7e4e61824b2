using System.Security.Claims;
using VfeTps.Stream.Contracts.Access;

namespace VfeTps.Stream.Access;

/// <summary>The signed-in principal, as <c>GET /api/auth/me</c> and a login answer it.</summary>
/// <param name="Id"><c>user:{name}</c> or <c>key:{id}</c>.</param>
/// <param name="Name">The user name, or the key's name.</param>
/// <param name="Roles">Its roles.</param>
/// <param name="Cameras">The cameras it may see; null for every camera.</param>
/// <param name="Method"><c>session</c> or <c>api-key</c>.</param>
/// <param name="MustChangePassword">True for a user whose password was set by someone else (or generated) and should be changed now.</param>
public sealed record MeResponse(string Id, string Name, IReadOnlyList<string> Roles, IReadOnlyList<string>? Cameras, string Method, bool MustChangePassword)
{
    internal static MeResponse Of(ClaimsPrincipal principal, bool mustChangePassword)
    {
        var scope = principal.CameraScope();
        return new MeResponse(
            principal.ActorId(),
            principal.ActorName(),
            principal.Roles(),
            scope.Cameras?.Order(StringComparer.Ordinal).ToArray(),
            SitePrincipalFactory.MethodOf(principal) ?? "none",
            mustChangePassword);
    }
}
