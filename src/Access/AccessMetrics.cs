using System.Diagnostics.Metrics;

namespace VfeTps.Stream.Access;

/// <summary>
/// The access library's metrics on the meter <see cref="MeterName"/>: logins by outcome, logins refused
/// by the throttle, requests refused by the search rate limit and requests refused for lack of a role.
/// Created through <see cref="IMeterFactory"/>, so each host (and each test server) has its own instruments.
/// </summary>
public sealed class AccessMetrics
{
    /// <summary>The meter's name (add it to the host's metrics exporter).</summary>
    public const string MeterName = "VfeTps.Stream.Access";

    private readonly Counter<long> _logins;
    private readonly Counter<long> _throttled;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _denied;

    public AccessMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _logins = meter.CreateCounter<long>(
            "vfetps.access.logins", "{login}", "Login attempts by outcome (succeeded, failed, throttled, invalid, unavailable).");
        _throttled = meter.CreateCounter<long>(
            "vfetps.access.logins.throttled", "{login}", "Login attempts refused unchecked because the user name or client address is locked out.");
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

    internal void RateLimited(string policy) => _rateLimited.Add(1, new KeyValuePair<string, object?>("policy", policy));

    internal void Denied() => _denied.Add(1);
}
