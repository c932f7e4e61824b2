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
/// one password hash too, so timing tells nothing). Each attempt is reserved with the throttle before its
/// password is hashed; throttled names and addresses get 429 unchecked, and when too many password checks
/// are running and waiting the answer is 503 unchecked.
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

        // The client address is the connection's remote address unless the host applies forwarded headers
        // from its trusted proxies (Site:TrustedProxies).
        var address = ClientAddress.KeyOf(http);
        // Reserved before hashing: parallel attempts count against the limit while they are being checked.
        if (!access.Throttle.TryBegin(name, address, out var attempt, out var wait))
        {
            access.Metrics.LoginThrottled();
            return Throttled(http, wait);
        }

        using (attempt)
        {
            var user = await access.Users.FindAsync(name, cancellationToken).ConfigureAwait(false);
            var check = await access.Verifier.CheckAsync(login.Password!, user?.PasswordHash, cancellationToken).ConfigureAwait(false);
            if (check.IsBusy)
            {
                access.Metrics.Login(LoginOutcomes.Busy);
                return Busy(http);
            }

            if (user is null || !check.IsMatch || user.Disabled)
                return await FailedAsync(http, access, attempt, name, user, check.IsMatch, cancellationToken).ConfigureAwait(false);
            attempt.Succeeded();

            // Recorded before the session exists: when the trail cannot write, there is no session.
            var principal = SitePrincipalFactory.ForUser(user);
            var record = AuditRecord.Of(principal, AuditActions.LoggedIn, user.Name, outcome: AuditOutcome.Succeeded, clientAddress: ClientAddress.Of(http));
            if (!await access.Audit.TryRecordAsync(record, cancellationToken).ConfigureAwait(false))
                return Unavailable(access);

            // When the session cannot be started after all (the user deleted meanwhile, the database failing), the
            // success record is followed by a compensating one.
            var (token, expiresAt) = await access.Audit.CarryOutAsync(
                    record,
                    async () =>
                    {
                        var session = await access.Sessions.CreateAsync(user.Name, cancellationToken).ConfigureAwait(false);
                        await access.Users.RecordLoginAsync(user.Name, access.Time.GetUtcNow(), check.Rehashed, cancellationToken).ConfigureAwait(false);
                        return session;
                    },
                    _ => null)
                .ConfigureAwait(false);
            SessionCookie.Append(http, token, expiresAt);
            access.Metrics.Login(LoginOutcomes.Succeeded);
            return TypedResults.Ok(MeResponse.Of(principal, user.MustChangePassword));
        }
    }

    private static async Task<ProblemHttpResult> FailedAsync(
        HttpContext http, AccessApiContext access, LoginAttempt attempt, string name, StoredUser? user, bool passwordMatched, CancellationToken cancellationToken)
    {
        var lockouts = attempt.Failed();
        var reason = user is null ? "unknown-user" : !passwordMatched ? "wrong-password" : "disabled";
        var failed = LoginRecords.Failed(http, access, name, user is not null, ("reason", reason));
        if (!await access.Audit.TryRecordAsync(failed, cancellationToken).ConfigureAwait(false))
            return Unavailable(access);
        if (LoginRecords.Lockout(http, access, name, user is not null, lockouts, "login") is { } lockout
            && !await access.Audit.TryRecordAsync(lockout, cancellationToken).ConfigureAwait(false))
        {
            return Unavailable(access);
        }

        access.Metrics.Login(LoginOutcomes.Failed);
        return Problems.Unauthorized(BadCredentials);
    }

    /// <summary>429 for a locked-out name or address (or one whose limit is taken up by attempts being checked): not recorded, only counted.</summary>
    private static ProblemHttpResult Throttled(HttpContext http, TimeSpan wait) =>
        Problems.TooManyRequests(
            http.Response,
            wait,
            "Too many login attempts.",
            $"Logins for this user name or from this address are paused for {Problems.RetryAfterSeconds(wait)} s after repeated failures.");

    /// <summary>503 when too many password checks are running and waiting: the password was not checked, nothing counted.</summary>
    internal static ProblemHttpResult Busy(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "1";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Too many password checks are running.",
            detail: "The site is checking many passwords at once; try again in a moment.");
    }

    private static ProblemHttpResult Unavailable(AccessApiContext access)
    {
        access.Metrics.Login(LoginOutcomes.Unavailable);
        return RequestAudit.Unavailable();
    }
}
