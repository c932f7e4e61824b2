using Microsoft.Extensions.Options;

namespace VfeTps.Stream.Access;

/// <summary>What the access endpoints use, in one injectable bundle.</summary>
internal sealed class AccessApiContext(
    UserStore users,
    SessionStore sessions,
    ApiKeyStore keys,
    PasswordHasher passwords,
    PasswordVerifier verifier,
    LoginThrottle throttle,
    AccessAudit audit,
    UnknownUserNames unknownNames,
    AccessMetrics metrics,
    IOptions<AccessOptions> options,
    TimeProvider time)
{
    public UserStore Users { get; } = users;

    public SessionStore Sessions { get; } = sessions;

    public ApiKeyStore Keys { get; } = keys;

    public PasswordHasher Passwords { get; } = passwords;

    /// <summary>Checks presented passwords, a bounded number at once.</summary>
    public PasswordVerifier Verifier { get; } = verifier;

    public LoginThrottle Throttle { get; } = throttle;

    public AccessAudit Audit { get; } = audit;

    public UnknownUserNames UnknownNames { get; } = unknownNames;

    public AccessMetrics Metrics { get; } = metrics;

    public AccessOptions Options { get; } = options.Value;

    public TimeProvider Time { get; } = time;
}
