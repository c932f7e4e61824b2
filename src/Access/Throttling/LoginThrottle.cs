using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace VfeTps.Stream.Access;

/// <summary>
/// Slows password guessing: failures are counted per (lower-cased) user name and per client address;
/// <see cref="AccessOptions.LoginMaxFailures"/> of them within <see cref="AccessOptions.LoginFailureWindow"/>
/// lock that name or address out (<see cref="AccessOptions.LoginLockout"/>, doubling per further lockout up
/// to <see cref="AccessOptions.LoginMaxLockout"/>). While locked, logins are refused without checking the
/// password, so a correct guess cannot be confirmed. Each attempt is reserved (<see cref="TryBegin"/>) before
/// its password is checked and counts against the limit until it ends, so that parallel attempts cannot
/// all slip through while the first ones are still hashing. In memory: a restart forgets it.
/// </summary>
/// <remarks>
/// The client address is the connection's remote address, unless the host applies forwarded headers from
/// the proxies it trusts (<c>Site:TrustedProxies</c>); behind an untrusted proxy every client shares one address.
/// </remarks>
internal sealed class LoginThrottle(IOptions<AccessOptions> options, TimeProvider time)
{
    private readonly LoginFailureTracker _names = new(options.Value, options.Value.LoginThrottleMaxTracked);
    private readonly LoginFailureTracker _addresses = new(options.Value, options.Value.LoginThrottleMaxTracked);

    /// <summary>Names and addresses tracked now (bounded by <see cref="AccessOptions.LoginThrottleMaxTracked"/> each).</summary>
    public int Tracked => _names.Count + _addresses.Count;

    /// <summary>
    /// Reserves a password check for this name from this address: true with the attempt (dispose it; end it
    /// with <see cref="LoginAttempt.Succeeded"/> or <see cref="LoginAttempt.Failed"/> once the password was
    /// checked), or false with how long to wait, when the name or the address is locked out or its failures
    /// plus the attempts being checked reach the limit.
    /// </summary>
    public bool TryBegin(string userName, string address, [NotNullWhen(true)] out LoginAttempt? attempt, out TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        attempt = null;
        retryAfter = TimeSpan.Zero;
        if (_names.TryReserve(userName, now) is { } nameWait)
        {
            retryAfter = Longer(nameWait, _addresses.LockedFor(address, now))!.Value;
            return false;
        }

        if (_addresses.TryReserve(address, now) is { } addressWait)
        {
            _names.Release(userName, now);
            retryAfter = Longer(addressWait, _names.LockedFor(userName, now))!.Value;
            return false;
        }

        attempt = new LoginAttempt(this, userName, address);
        return true;
    }

    /// <summary>Counts a failed login for the name and for the address (no reservation); returns the lockouts it started.</summary>
    public LoginLockouts RecordFailure(string userName, string address) => Fail(userName, address, reserved: false);

    internal LoginLockouts Fail(string userName, string address, bool reserved)
    {
        var now = time.GetUtcNow();
        return new LoginLockouts(_names.RecordFailure(userName, now, reserved), _addresses.RecordFailure(address, now, reserved));
    }

    /// <summary>A success clears the name's count (the address keeps its own).</summary>
    internal void Succeed(string userName, string address)
    {
        var now = time.GetUtcNow();
        _names.RecordSuccess(userName, now);
        _addresses.Release(address, now);
    }

    internal void Release(string userName, string address)
    {
        var now = time.GetUtcNow();
        _names.Release(userName, now);
        _addresses.Release(address, now);
    }

    private static TimeSpan? Longer(TimeSpan? first, TimeSpan? second) => first > second || second is null ? first : second;
}

/// <summary>The lockouts one failure started (null: that key was not locked by it).</summary>
/// <param name="Name">The user name's lockout.</param>
/// <param name="Address">The client address's lockout.</param>
internal readonly record struct LoginLockouts(TimeSpan? Name, TimeSpan? Address)
{
    public bool Any => Name is not null || Address is not null;
}

/// <summary>
/// A password check reserved by <see cref="LoginThrottle.TryBegin"/>. It counts against the name's and the
/// address's limit until it ends: <see cref="Succeeded"/>, <see cref="Failed"/>, or disposed unchecked
/// (refused for another reason, the audit trail down, an error), which releases it without counting a failure.
/// </summary>
internal sealed class LoginAttempt(LoginThrottle throttle, string userName, string address) : IDisposable
{
    private bool _ended;

    /// <summary>The password was right: clears the name's failures.</summary>
    public void Succeeded()
    {
        if (End())
            throttle.Succeed(userName, address);
    }

    /// <summary>The password was wrong (or the user unknown or disabled): counts the failure; returns the lockouts it started.</summary>
    public LoginLockouts Failed() => End() ? throttle.Fail(userName, address, reserved: true) : default;

    public void Dispose()
    {
        if (End())
            throttle.Release(userName, address);
    }

    private bool End()
    {
        if (_ended)
            return false;
        _ended = true;
        return true;
    }
}
