using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VfeTps.Stream.Contracts.Access;

namespace VfeTps.Stream.Testing;

/// <summary>
/// Test double of the access library's authentication: builds the principal from request headers
/// (<see cref="UserHeader"/>, <see cref="RolesHeader"/>, <see cref="CamerasHeader"/>) with the claims
/// the real library issues. No user header: not authenticated (401 on a protected route). What
/// <see cref="AccessChangesForTests"/> says wins over the headers (a revoked user fails; changed roles
/// or cameras apply), so a test can change a caller's access while their alert stream is open. Like
/// the real handler it derives from <see cref="AuthenticationHandler{TOptions}"/>, which answers a second
/// authentication within one request from its first.
/// </summary>
internal sealed class HeaderPrincipalForTests(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccessChangesForTests changes)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "HeaderPrincipalForTests";
    public const string UserHeader = "X-Test-User";
    public const string RolesHeader = "X-Test-Roles";

    /// <summary>Comma-separated cameras the principal may see; absent = every camera.</summary>
    public const string CamerasHeader = "X-Test-Cameras";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers[UserHeader].FirstOrDefault() is not { Length: > 0 } user)
            return Task.FromResult(AuthenticateResult.NoResult());
        if (changes.IsRevoked(user))
            return Task.FromResult(AuthenticateResult.Fail("The session has ended (test double)."));

        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, $"user:{user}"), new(ClaimTypes.Name, user) };
        var roles = changes.RolesOf(user) ?? Request.Headers[RolesHeader].FirstOrDefault() ?? string.Empty;
        foreach (var role in roles.Split(',', StringSplitOptions.RemoveEmptyEntries))
            claims.Add(new Claim(ClaimTypes.Role, role));
        var cameras = changes.TryGetCameras(user, out var changed)
            ? changed
            : Request.Headers[CamerasHeader].FirstOrDefault()?.Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (cameras is not null)
        {
            foreach (var camera in cameras)
                claims.Add(new Claim(SiteClaimTypes.Camera, camera));
        }
        else
        {
            claims.Add(new Claim(SiteClaimTypes.AllCameras, "true"));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
