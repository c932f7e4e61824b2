using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using VfeTps.Stream.Contracts.Access;
using VfeTps.Stream.Contracts.Audit;
using VfeTps.Stream.WebApi;

namespace VfeTps.Stream.Access;

/// <summary>
/// The signed-in principal's own endpoints: <c>POST /api/auth/logout</c> (ends the session; anonymous
/// allowed, then a no-op), <c>GET /api/auth/me</c> and <c>POST /api/auth/password</c> (users only: API
/// keys have no password).
/// </summary>
internal static class SessionEndpoints
{
    public static void Map(RouteGroupBuilder auth)
    {
        auth.MapPost("/logout", LogoutAsync)
            .AllowAnonymous()
            .WithName("Logout")
            .WithSummary("End the browser session (deleted on the server, cookie cleared)");

        auth.MapGet("/me", MeAsync)
            .RequireAuthorization(AccessPolicies.Authenticated)
            .WithName("Me")
            .WithSummary("Who is signed in: id, name, roles, cameras, how")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        auth.MapPost("/password", ChangePasswordAsync)
            .RequireAuthorization(AccessPolicies.Authenticated)
            .WithName("ChangePassword")
            .WithSummary("Change your own password (ends your other sessions)")
            .WithDescription("JSON body {currentPassword, newPassword}; 12 to 256 characters. Users only: API keys have no password.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<NoContent> LogoutAsync(HttpContext http, [FromServices] AccessApiContext access)
    {
        var token = SessionCookie.Read(http);
        // Only a live session is worth a record; a stale or absent cookie is just cleared. Ending a session
        // removes access, so it is never held up by the audit trail (the record is attempted; a failure is
        // logged at Critical), and it is not cancellable once started.
        if (token is not null && SitePrincipalFactory.MethodOf(http.User) == AuthenticationMethods.Session)
        {
            var record = AuditRecord.Of(http.User, AuditActions.LoggedOut, http.User.ActorName(), clientAddress: ClientAddress.Of(http));
            var recorded = await access.Audit.TryRecordRemovalAsync(record).ConfigureAwait(false);
            await access.Audit.CarryOutAsync(recorded ? record : null, () => access.Sessions.DeleteAsync(token, CancellationToken.None), _ => null)
                .ConfigureAwait(false);
        }

        if (token is not null)
            SessionCookie.Clear(http);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<MeResponse>> MeAsync(HttpContext http, [FromServices] AccessApiContext access, CancellationToken cancellationToken)
    {
        var mustChange = false;
        if (SitePrincipalFactory.MethodOf(http.User) == AuthenticationMethods.Session)
            mustChange = (await access.Users.FindAsync(http.User.ActorName(), cancellationToken).ConfigureAwait(false))?.MustChangePassword ?? false;
        return TypedResults.Ok(MeResponse.Of(http.User, mustChange));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangePasswordAsync(
        HttpContext http, [FromServices] AccessApiContext access, CancellationToken cancellationToken)
    {
        if (SitePrincipalFactory.MethodOf(http.User) != AuthenticationMethods.Session)
            return Problems.BadRequest("API keys have no password.", "Sign in as a user to change that user's password; revoke and re-create a key instead.");

        var body = await JsonBodyReader.ReadAsync<PasswordChangeRequest>(http.Request, AccessLimits.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body.Value is not { } change)
            return body.Invalid is { } invalid ? invalid : body.Refused!;
        var errors = new ValidationErrors();
        if (string.IsNullOrEmpty(change.CurrentPassword) || change.CurrentPassword.Length > PasswordRules.MaxLength)
            errors.Add("currentPassword", "The current password is required.");
        var newPassword = AccessRequestRules.Password(change.NewPassword, errors, "newPassword");
        if (newPassword is not null && newPassword == change.CurrentPassword)
            errors.Add("newPassword", "The new password must differ from the current one.");
        if (errors.Any || newPassword is null)
            return Problems.Invalid(errors, "The password change is not valid.");

        var name = http.User.ActorName();
        // The client address is the connection's remote address unless the host applies forwarded headers
        // from its trusted proxies (Site:TrustedProxies).
        var address = ClientAddress.KeyOf(http);
        // A borrowed session must not become a way to guess the password: the login throttle applies, and
        // the check is reserved before hashing, so parallel guesses count against the limit too.
        if (!access.Throttle.TryBegin(name, address, out var attempt, out var wait))
        {
            return Problems.TooManyRequests(
                http.Response, wait, "Too many wrong passwords.", $"Wait {Problems.RetryAfterSeconds(wait)} s before trying the current password again.");
        }

        using (attempt)
        {
            var user = await access.Users.FindAsync(name, cancellationToken).ConfigureAwait(false);
            var check = await access.Verifier.CheckAsync(change.CurrentPassword!, user?.PasswordHash, cancellationToken).ConfigureAwait(false);
            if (check.IsBusy)
                return LoginEndpoints.Busy(http);
            if (user is null || !check.IsMatch)
            {
                var lockouts = attempt.Failed();
                var refused = AuditRecord.Of(
                    http.User, AuditActions.UserUpdated, name, AuditDetail.Of(("password", "changed"), ("reason", "wrong-current-password")),
                    AuditOutcome.Refused, ClientAddress.Of(http));
                if (!await access.Audit.TryRecordAsync(refused, cancellationToken).ConfigureAwait(false))
                    return RequestAudit.Unavailable();
                if (LoginRecords.Lockout(http, access, name, userExists: true, lockouts, "password-change") is { } lockout
                    && !await access.Audit.TryRecordAsync(lockout, cancellationToken).ConfigureAwait(false))
                {
                    return RequestAudit.Unavailable();
                }

                return Problems.Unauthorized("The current password is wrong.");
            }

            attempt.Succeeded();
        }

        var record = AuditRecord.Of(http.User, AuditActions.UserUpdated, name, AuditDetail.Of(("password", "changed")), clientAddress: ClientAddress.Of(http));
        if (!await access.Audit.TryRecordAsync(record, cancellationToken).ConfigureAwait(false))
            return RequestAudit.Unavailable();
        var keep = SessionTokens.TryHash(SessionCookie.Read(http), out var hash) ? hash : null;
        var newHash = access.Passwords.Hash(newPassword);
        await access.Audit.CarryOutAsync(
                record,
                async () =>
                {
                    await access.Users.ChangeOwnPasswordAsync(name, newHash, keep, cancellationToken).ConfigureAwait(false);
                    return true;
                },
                _ => null)
            .ConfigureAwait(false);
        return TypedResults.NoContent();
    }
}
