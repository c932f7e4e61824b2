using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using VfeTps.Stream.Contracts.Audit;
using VfeTps.Stream.WebApi;

namespace VfeTps.Stream.Access;

/// <summary>
/// <c>POST /api/auth/login</c>: checks a user name and password and starts a browser session. The answer
/// to an unknown user, a wrong password and a disabled user is the same 401 (and an unknown user costs
/// one password hash too, so timing tells nothing). Throttled names and addresses get 429 unchecked.
/// </summary>
internal static class LoginEndpoints
{
    private const string BadCredentials = "The user name or password is wrong.";

    public static void Map(RouteGroupBuilder auth)
    {
        auth.MapPost("/login", LoginAsync)
            .AllowAnonymous()
            .WithName("Login")
            .WithSummary("Sign in with a user name and password (starts a browser session)")
            .WithDescription("JSON body {username, password}. Sets the HttpOnly session cookie vfetps_session. Repeated failures lock the user name and the client address out for a while (429 with Retry-After).")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<Results<Ok<MeResponse>, ValidationProblem, ProblemHttpResult>> LoginAsync(
        HttpContext http, [FromServices] AccessApiContext access, CancellationToken cancellationToken)
    {
        var body = await JsonBodyReader.ReadAsync<LoginRequest>(http.Request, AccessLimits.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body.Value is not { } login)
        {
            access.Metrics.Login(LoginOutcomes.Invalid);
            return body.Invalid is { } invalid ? invalid : body.Refused!;
        }

        var errors = new ValidationErrors();
        var name = AccessRequestRules.UserName(login.Username?.ToLowerInvariant(), errors, "username");
        if (string.IsNullOrEmpty(login.Password))
            errors.Add("password", "A password is required.");
        else if (login.Password.Length > PasswordRules.MaxLength)
            errors.Add("password", $"A password has at most {PasswordRules.MaxLength} characters.");
        if (errors.Any || name is null)
        {
            access.Metrics.Login(LoginOutcomes.Invalid);
            return Problems.Invalid(errors, "The login is not valid.");
        }

        var address = ClientAddress.KeyOf(http);
        if (access.Throttle.RetryAfter(name, address) is { } wait)
            return await ThrottledAsync(http, access, name, wait, cancellationToken).ConfigureAwait(false);

        var user = await access.Users.FindAsync(name, cancellationToken).ConfigureAwait(false);
        var passwordMatches = user is null
            ? access.Passwords.VerifyAgainstDummy(login.Password!)
            : access.Passwords.Verify(login.Password!, user.PasswordHash);
        if (user is null || !passwordMatches || user.Disabled)
        {
            access.Throttle.RecordFailure(name, address);
            var reason = user is null ? "unknown-user" : !passwordMatches ? "wrong-password" : "disabled";
            var failed = AuditRecord.Of(
                http.User, AuditActions.LoginFailed, name, AuditDetail.Of(("reason", reason)), AuditOutcome.Refused, ClientAddress.Of(http));
            if (!await access.Audit.TryRecordAsync(failed, cancellationToken).ConfigureAwait(false))
                return Unavailable(access);
            access.Metrics.Login(LoginOutcomes.Failed);
            return Problems.Unauthorized(BadCredentials);
        }

        // Recorded before the session exists: when the trail cannot write, there is no session.
        var principal = SitePrincipalFactory.ForUser(user);
        var record = AuditRecord.Of(principal, AuditActions.LoggedIn, user.Name, outcome: AuditOutcome.Succeeded, clientAddress: ClientAddress.Of(http));
        if (!await access.Audit.TryRecordAsync(record, cancellationToken).ConfigureAwait(false))
            return Unavailable(access);

        var (token, expiresAt) = await access.Sessions.CreateAsync(user.Name, cancellationToken).ConfigureAwait(false);
        var rehashed = access.Passwords.NeedsRehash(user.PasswordHash) ? access.Passwords.Hash(login.Password!) : null;
        await access.Users.RecordLoginAsync(user.Name, access.Time.GetUtcNow(), rehashed, cancellationToken).ConfigureAwait(false);
        access.Throttle.RecordSuccess(name);
        SessionCookie.Append(http, token, expiresAt);
        access.Metrics.Login(LoginOutcomes.Succeeded);
        return TypedResults.Ok(MeResponse.Of(principal, user.MustChangePassword));
    }

    private static async Task<ProblemHttpResult> ThrottledAsync(
        HttpContext http, AccessApiContext access, string name, TimeSpan wait, CancellationToken cancellationToken)
    {
        var record = AuditRecord.Of(
            http.User, AuditActions.LoginFailed, name, AuditDetail.Of(("reason", "throttled")), AuditOutcome.Refused, ClientAddress.Of(http));
        if (!await access.Audit.TryRecordAsync(record, cancellationToken).ConfigureAwait(false))
            return Unavailable(access);
        access.Metrics.LoginThrottled();
        return Problems.TooManyRequests(
            http.Response,
            wait,
            "Too many failed logins.",
            $"Logins for this user name or from this address are paused for {Problems.RetryAfterSeconds(wait)} s after repeated failures.");
    }

    private static ProblemHttpResult Unavailable(AccessApiContext access)
    {
        access.Metrics.Login(LoginOutcomes.Unavailable);
        return RequestAudit.Unavailable();
    }
}
