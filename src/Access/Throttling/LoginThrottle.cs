using Microsoft.Extensions.Options;

namespace VfeTps.Stream.Access;

/// <summary>
/// Slows password guessing: failures are counted per (lower-cased) user name and per client address;
/// <see cref="AccessOptions.LoginMaxFailures"/> of them within <see cref="AccessOptions.LoginFailureWindow"/>
/// lock that name or address out (<see cref="AccessOptions.LoginLockout"/>, doubling per further lockout up
/// to <see cref="AccessOptions.LoginMaxLockout"/>). While locked, logins are refused without checking the
/// password, so a correct guess cannot be confirmed. In memory: a restart forgets it.
/// </summary>
internal sealed class LoginThrottle(IOptions<AccessOptions> options, TimeProvider time)
{
    private readonly LoginFailureTracker _names = new(options.Value, options.Value.LoginThrottleMaxTracked);
    private readonly LoginFailureTracker _addresses = new(options.Value, options.Value.LoginThrottleMaxTracked);

    /// <summary>Names and addresses tracked now (bounded by <see cref="AccessOptions.LoginThrottleMaxTracked"/> each).</summary>
    public int Tracked => _names.Count + _addresses.Count;

    /// <summary>How long until a login for this name from this address may be tried; null when it may be now.</summary>
    public TimeSpan? RetryAfter(string userName, string address)
    {
        var now = time.GetUtcNow();
        var byName = _names.LockedFor(userName, now);
        var byAddress = _addresses.LockedFor(address, now);
        return byName > byAddress || byAddress is null ? byName : byAddress;
    }

    /// <summary>Counts a failed login for the name and for the address.</summary>
    public void RecordFailure(string userName, string address)
    {
        var now = time.GetUtcNow();
        _names.RecordFailure(userName, now);
        _addresses.RecordFailure(address, now);
    }

    /// <summary>A successful login clears the name's count (the address keeps its own).</summary>
    public void RecordSuccess(string userName) => _names.Clear(userName);
}
