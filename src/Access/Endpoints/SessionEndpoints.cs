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
            .WithSummary("End the browser session (deleted on the server, cookie cleared)")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

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

    private static async Task<Results<NoContent, ProblemHttpResult>> LogoutAsync(
        HttpContext http, [FromServices] AccessApiContext access, CancellationToken cancellationToken)
    {
        var token = SessionCookie.Read(http);
        // Only a live session is worth a record; a stale or absent cookie is just cleared.
        if (token is not null && SitePrincipalFactory.MethodOf(http.User) == AuthenticationMethods.Session)
        {
            var record = AuditRecord.Of(http.User, AuditActions.LoggedOut, http.User.ActorName(), clientAddress: ClientAddress.Of(http));
            if (!await access.Audit.TryRecordAsync(record, cancellationToken).ConfigureAwait(false))
                return RequestAudit.Unavailable();
            await access.Sessions.DeleteAsync(token, cancellationToken).ConfigureAwait(false);
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
        var address = ClientAddress.KeyOf(http);
        // A borrowed session must not become a way to guess the password: the login throttle applies.
        if (access.Throttle.RetryAfter(name, address) is { } wait)
            return Problems.TooManyRequests(http.Response, wait, "Too many wrong passwords.", "Wait before trying the current password again.");
        var user = await access.Users.FindAsync(name, cancellationToken).ConfigureAwait(false);
        if (user is null || !access.Passwords.Verify(change.CurrentPassword!, user.PasswordHash))
        {
            access.Throttle.RecordFailure(name, address);
            var refused = AuditRecord.Of(
                http.User, AuditActions.UserUpdated, name, AuditDetail.Of(("password", "changed"), ("reason", "wrong-current-password")),
                AuditOutcome.Refused, ClientAddress.Of(http));
            if (!await access.Audit.TryRecordAsync(refused, cancellationToken).ConfigureAwait(false))
                return RequestAudit.Unavailable();
            return Problems.Unauthorized("The current password is wrong.");
        }

        var record = AuditRecord.Of(http.User, AuditActions.UserUpdated, name, AuditDetail.Of(("password", "changed")), clientAddress: ClientAddress.Of(http));
        if (!await access.Audit.TryRecordAsync(record, cancellationToken).ConfigureAwait(false))
            return RequestAudit.Unavailable();
        var keep = SessionTokens.TryHash(SessionCookie.Read(http), out var hash) ? hash : null;
        await access.Users.ChangeOwnPasswordAsync(name, access.Passwords.Hash(newPassword), keep, cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }
}
