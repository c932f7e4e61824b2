using Microsoft.Extensions.Options;
using VfeTps.Stream.WebApi;

namespace VfeTps.Stream.Access;

/// <summary>What the access endpoints use, in one injectable bundle.</summary>
internal sealed class AccessApiContext(
    UserStore users,
    SessionStore sessions,
    ApiKeyStore keys,
    PasswordHasher passwords,
    LoginThrottle throttle,
    RequestAudit audit,
    AccessMetrics metrics,
    IOptions<AccessOptions> options,
    TimeProvider time)
{
    public UserStore Users { get; } = users;

    public SessionStore Sessions { get; } = sessions;

    public ApiKeyStore Keys { get; } = keys;

    public PasswordHasher Passwords { get; } = passwords;

    public LoginThrottle Throttle { get; } = throttle;

    public RequestAudit Audit { get; } = audit;

    public AccessMetrics Metrics { get; } = metrics;

    public AccessOptions Options { get; } = options.Value;

    public TimeProvider Time { get; } = time;
}
