using System.Globalization;
using Microsoft.AspNetCore.Http;
using VfeTps.Stream.Contracts.Audit;
using VfeTps.Stream.WebApi;

namespace VfeTps.Stream.Access;

/// <summary>
/// The audit records of password checks: a failed login, and the one <c>login.failed</c> record with reason
/// <c>throttled</c> written when a lockout starts (refused requests during the lockout are only counted in
/// the metrics, so a flood of them cannot flood the trail). An unknown user name is never stored (see
/// <see cref="UnknownUserNames"/>).
/// </summary>
internal static class LoginRecords
{
    /// <summary>A refused <c>login.failed</c> for <paramref name="attemptedName"/> with these particulars.</summary>
    public static AuditRecord Failed(HttpContext http, AccessApiContext access, string attemptedName, bool userExists, params (string Name, string? Value)[] detail)
    {
        var (target, nameDetail) = access.UnknownNames.Describe(attemptedName, userExists);
        return AuditRecord.Of(http.User, AuditActions.LoginFailed, target, AuditDetail.Of([.. detail, .. nameDetail]), AuditOutcome.Refused, ClientAddress.Of(http));
    }

    /// <summary>The record of the lockouts a failure started (how long each one is), or null when it started none.</summary>
    public static AuditRecord? Lockout(HttpContext http, AccessApiContext access, string attemptedName, bool userExists, LoginLockouts lockouts, string via)
    {
        if (!lockouts.Any)
            return null;
        var detail = new List<(string, string?)> { ("reason", "throttled"), ("via", via) };
        if (lockouts.Name is { } name)
            detail.Add(("nameLockoutSeconds", Seconds(name)));
        if (lockouts.Address is { } address)
            detail.Add(("addressLockoutSeconds", Seconds(address)));
        return Failed(http, access, attemptedName, userExists, [.. detail]);
    }

    private static string Seconds(TimeSpan lockout) => Problems.RetryAfterSeconds(lockout).ToString(CultureInfo.InvariantCulture);
}
