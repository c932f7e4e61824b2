using System.Diagnostics.Metrics;

namespace VfeTps.Stream.Access;

/// <summary>
/// The access library's metrics on the meter <see cref="MeterName"/>: logins by outcome, logins refused
/// by the throttle, password checks (and those refused because too many were running), requests refused
/// by the search rate limit and requests refused for lack of a role.
/// Created through <see cref="IMeterFactory"/>, so each host (and each test server) has its own instruments.
/// </summary>
public sealed class AccessMetrics
{
    /// <summary>The meter's name (add it to the host's metrics exporter).</summary>
    public const string MeterName = "VfeTps.Stream.Access";

    private readonly Counter<long> _logins;
    private readonly Counter<long> _throttled;
    private readonly Counter<long> _passwordChecks;
    private readonly Counter<long> _passwordChecksBusy;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _denied;

    public AccessMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _logins = meter.CreateCounter<long>(
            "vfetps.access.logins", "{login}", "Login attempts by outcome (succeeded, failed, throttled, busy, invalid, unavailable).");
        _throttled = meter.CreateCounter<long>(
            "vfetps.access.logins.throttled", "{login}", "Login attempts refused unchecked: the user name or client address is locked out, or its failures plus the attempts being checked reach the limit.");
        _passwordChecks = meter.CreateCounter<long>(
            "vfetps.access.password_checks", "{check}", "PBKDF2 password checks done (logins and password changes).");
        _passwordChecksBusy = meter.CreateCounter<long>(
            "vfetps.access.password_checks.busy", "{check}", "Password checks refused unchecked because too many were running and waiting.");
        _rateLimited = meter.CreateCounter<long>(
            "vfetps.access.rate_limited", "{request}", "Requests refused by a rate-limit policy (tag: policy).");
        _denied = meter.CreateCounter<long>(
            "vfetps.access.denied", "{request}", "Authenticated requests refused for lack of a role (403).");
    }

    internal void Login(string outcome) => _logins.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    internal void LoginThrottled()
    {
        _throttled.Add(1);
        Login(LoginOutcomes.Throttled);
    }

    internal void PasswordChecked() => _passwordChecks.Add(1);

    internal void PasswordCheckBusy() => _passwordChecksBusy.Add(1);

    internal void RateLimited(string policy) => _rateLimited.Add(1, new KeyValuePair<string, object?>("policy", policy));

    internal void Denied() => _denied.Add(1);
}
