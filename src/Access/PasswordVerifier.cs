using Microsoft.Extensions.Options;

namespace VfeTps.Stream.Access;

/// <summary>
/// Checks presented passwords (logins and the current password of a password change) with a bound on
/// how many PBKDF2 verifications run at once (<see cref="AccessOptions.PasswordChecksAtOnce"/>, the number
/// of processors by default) and how many wait for a turn (<see cref="QueuedPerSlot"/> per slot). Beyond
/// that a check is refused at once, unhashed, so that a flood of unauthenticated logins cannot pin every
/// core (the searches and the video pipeline share them). An unknown user is checked against a dummy
/// hash, so the answer's timing does not tell which names exist.
/// </summary>
internal sealed class PasswordVerifier : IDisposable
{
    /// <summary>Checks that may wait per slot: a short queue (a check takes 0.1–0.2 s) that rides out a burst of honest logins.</summary>
    public const int QueuedPerSlot = 4;

    private readonly PasswordHasher _hasher;
    private readonly AccessMetrics _metrics;
    private readonly SemaphoreSlim _slots;
    private readonly int _admissible;
    private int _admitted;

    public PasswordVerifier(PasswordHasher hasher, AccessMetrics metrics, IOptions<AccessOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _hasher = hasher;
        _metrics = metrics;
        var slots = options.Value.PasswordChecksAtOnce;
        _slots = new SemaphoreSlim(slots, slots);
        _admissible = slots * (1 + QueuedPerSlot);
    }

    /// <summary>
    /// Checks <paramref name="password"/> against <paramref name="storedHash"/> (null: an unknown user, checked
    /// against the dummy); <see cref="PasswordCheck.Busy"/> when too many checks are running and waiting.
    /// When it matches a hash made with an outdated iteration count, the answer carries the new hash.
    /// </summary>
    public async Task<PasswordCheck> CheckAsync(string password, string? storedHash, CancellationToken cancellationToken)
    {
        using var slot = await TryEnterAsync(cancellationToken).ConfigureAwait(false);
        if (slot is null)
        {
            _metrics.PasswordCheckBusy();
            return PasswordCheck.Busy;
        }

        _metrics.PasswordChecked();
        if (storedHash is null)
        {
            _hasher.VerifyAgainstDummy(password);
            return PasswordCheck.Mismatch;
        }

        if (!_hasher.Verify(password, storedHash))
            return PasswordCheck.Mismatch;
        return PasswordCheck.Matches(_hasher.NeedsRehash(storedHash) ? _hasher.Hash(password) : null);
    }

    /// <summary>A turn to hash (dispose it to hand it on), waiting in the queue if need be; null when the queue is full.</summary>
    internal async Task<IDisposable?> TryEnterAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _admitted) > _admissible)
        {
            Interlocked.Decrement(ref _admitted);
            return null;
        }

        try
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Interlocked.Decrement(ref _admitted);
            throw;
        }

        return new Slot(this);
    }

    public void Dispose() => _slots.Dispose();

    private void Exit()
    {
        Interlocked.Decrement(ref _admitted);
        try
        {
            _slots.Release();
        }
        catch (ObjectDisposedException)
        {
            // A check that ends while the host shuts down: nobody waits for its slot any more.
        }
    }

    private sealed class Slot(PasswordVerifier verifier) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                verifier.Exit();
        }
    }
}

/// <summary>How a password check ended.</summary>
/// <param name="IsBusy">True when it was not done: too many checks were running and waiting.</param>
/// <param name="IsMatch">True when the password matched.</param>
/// <param name="Rehashed">A new hash of the password when it matched one made with an outdated iteration count.</param>
internal sealed record PasswordCheck(bool IsBusy, bool IsMatch, string? Rehashed)
{
    public static PasswordCheck Busy { get; } = new(true, false, null);

    public static PasswordCheck Mismatch { get; } = new(false, false, null);

    public static PasswordCheck Matches(string? rehashed) => new(false, true, rehashed);

    /// <summary>Leaves the new hash out.</summary>
    public override string ToString() => IsBusy ? "PasswordCheck { Busy }" : $"PasswordCheck {{ Matches = {IsMatch} }}";
}
