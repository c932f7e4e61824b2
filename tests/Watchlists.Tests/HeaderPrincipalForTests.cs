using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VfeTps.Stream.Contracts.Access;

namespace VfeTps.Stream.Watchlists.Tests;

/// <summary>
/// Test double of the access library's authentication: builds the principal from request headers
/// (<see cref="UserHeader"/>, <see cref="RolesHeader"/>, <see cref="CamerasHeader"/>) with the claims
/// the real library issues. No user header: not authenticated (401 on a protected route).
/// </summary>
internal sealed class HeaderPrincipalForTests(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
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

        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, $"user:{user}"), new(ClaimTypes.Name, user) };
        foreach (var role in (Request.Headers[RolesHeader].FirstOrDefault() ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries))
            claims.Add(new Claim(ClaimTypes.Role, role));
        if (Request.Headers[CamerasHeader].FirstOrDefault() is { } cameras)
        {
            foreach (var camera in cameras.Split(',', StringSplitOptions.RemoveEmptyEntries))
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
