using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace VfeTps.Stream.Access;

/// <summary>
/// The one authentication scheme: an API key (<c>Authorization: Bearer vfk_…</c> or <c>X-Api-Key: vfk_…</c>)
/// or else the session cookie. The principal is rebuilt from the database on every request. Challenges
/// answer 401 and forbids 403, both as ProblemDetails, never a redirect (this is an API; the UI redirects
/// itself).
/// </summary>
internal sealed partial class SiteAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    SessionStore sessions,
    ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string ApiKeyHeader = "X-Api-Key";

    private bool _staleSessionCookie;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (PresentedApiKey(Request) is { } presented)
        {
            if (!ApiKeyFormat.TryParse(presented, out var id, out var secret))
                return AuthenticateResult.Fail("The API key is malformed: expected vfk_{id}_{secret}.");
            var key = await keys.AuthenticateAsync(id, secret, Context.RequestAborted).ConfigureAwait(false);
            if (key is null)
            {
                ApiKeyRefused(Logger, id);
                return AuthenticateResult.Fail("The API key is unknown or revoked, or its owner is disabled.");
            }

            return Success(SitePrincipalFactory.ForKey(key.Key, key.OwnerRoles, key.OwnerCameras));
        }

        if (SessionCookie.Read(Context) is { } token)
        {
            var user = await sessions.ValidateAsync(token, Context.RequestAborted).ConfigureAwait(false);
            if (user is null)
            {
                _staleSessionCookie = true;
                return AuthenticateResult.Fail("The session has ended.");
            }

            return Success(SitePrincipalFactory.ForUser(user));
        }

        return AuthenticateResult.NoResult();
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (_staleSessionCookie)
            SessionCookie.Clear(Context);
        Response.Headers.WWWAuthenticate = $"Bearer realm=\"{AuthenticationMethods.Scheme}\"";
        await Problems.Unauthorized(
                "Authentication is required.",
                "Sign in (POST /api/auth/login) or send an API key as 'Authorization: Bearer vfk_…' or 'X-Api-Key: vfk_…'.")
            .ExecuteAsync(Context).ConfigureAwait(false);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Forbidden("You do not have the role this needs.").ExecuteAsync(Context);

    /// <summary>The key from <c>Authorization: Bearer</c> or <c>X-Api-Key</c>; an Authorization header of another kind counts as a malformed key.</summary>
    private static string? PresentedApiKey(HttpRequest request)
    {
        var authorization = request.Headers[HeaderNames.Authorization].ToString();
        if (authorization.Length > 0)
        {
            const string bearer = "Bearer ";
            return authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) ? authorization[bearer.Length..].Trim() : authorization;
        }

        var header = request.Headers[ApiKeyHeader].ToString();
        return header.Length > 0 ? header.Trim() : null;
    }

    private static AuthenticateResult Success(System.Security.Claims.ClaimsPrincipal principal) =>
        AuthenticateResult.Success(new AuthenticationTicket(principal, AuthenticationMethods.Scheme));

    [LoggerMessage(EventId = 60, Level = LogLevel.Information, Message = "API key {KeyId} refused: unknown, wrong secret, revoked or owner disabled")]
    private static partial void ApiKeyRefused(ILogger logger, string keyId);
}
