using System.Security.Claims;
using VfeTps.Stream.Contracts.Access;

namespace VfeTps.Stream.Access.Tests;

/// <summary>What the test server's probe endpoints answer: the principal the access library built for the request.</summary>
internal sealed record ClaimsView(
    string Id, string Name, string[] Roles, bool AllCameras, string[] Cameras, string? Method, string? Owner, bool ScopeIsEverything, string[] ScopeCameras)
{
    public static ClaimsView Of(ClaimsPrincipal principal)
    {
        var scope = principal.CameraScope();
        return new ClaimsView(
            principal.ActorId(),
            principal.ActorName(),
            [.. principal.Roles()],
            principal.HasClaim(SiteClaimTypes.AllCameras, "true"),
            [.. principal.FindAll(SiteClaimTypes.Camera).Select(claim => claim.Value).Order(StringComparer.Ordinal)],
            principal.FindFirst(SiteClaimTypes.AuthenticationMethod)?.Value,
            principal.FindFirst(SiteClaimTypes.Owner)?.Value,
            scope.IsEverything,
            [.. (scope.Cameras ?? new HashSet<string>()).Order(StringComparer.Ordinal)]);
    }
}
