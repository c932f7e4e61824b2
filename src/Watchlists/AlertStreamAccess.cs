using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VfeTps.Stream.Contracts.Access;

namespace VfeTps.Stream.Watchlists;

/// <summary>What a re-authentication of an alert stream's caller found: the cameras they may see now, or why the stream ends.</summary>
/// <param name="Scope">The caller's cameras now; null when the stream must end.</param>
/// <param name="Ended">Why the stream ends (for the log); null while the caller may go on.</param>
internal sealed record StreamAccess(CameraScope? Scope, string? Ended)
{
    public static StreamAccess End(string reason) => new(null, reason);
}

/// <summary>
/// Re-authenticates a long-lived alert stream's caller with the site's default authentication scheme
/// against the same request (its session cookie or API key headers), so that the site's handler reads
/// the current session, user and key: a caller who signed out, was disabled, lost the operator role or
/// whose key was revoked is found out, and changed cameras are picked up. Each check runs in a fresh
/// DI scope: an <c>AuthenticationHandler</c> caches its first result for the rest of its request, so the
/// request's own authentication service would only repeat the answer given at connect.
/// </summary>
internal static class AlertStreamAccess
{
    public static async Task<StreamAccess> CheckAsync(HttpContext http, string actorId)
    {
        ArgumentNullException.ThrowIfNull(http);
        await using var scope = http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var services = scope.ServiceProvider;
        var result = await services.GetRequiredService<IAuthenticationService>().AuthenticateAsync(http, scheme: null).ConfigureAwait(false);
        if (!result.Succeeded || result.Principal is not { Identity.IsAuthenticated: true } principal)
            return StreamAccess.End(result.Failure?.Message ?? "the credentials are gone");
        if (!string.Equals(principal.ActorId(), actorId, StringComparison.Ordinal))
            return StreamAccess.End("the credentials now name another actor");

        // The same policy the route requires (the operator role).
        var authorized = await services.GetRequiredService<IAuthorizationService>()
            .AuthorizeAsync(principal, resource: null, AccessPolicies.Operator).ConfigureAwait(false);
        return authorized.Succeeded ? new StreamAccess(principal.CameraScope(), null) : StreamAccess.End("the operator role is gone");
    }

    /// <summary>Whether two scopes allow the same cameras.</summary>
    public static bool Same(CameraScope a, CameraScope b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Cameras is null ? b.Cameras is null : b.Cameras is not null && a.Cameras.SetEquals(b.Cameras);
    }
}
