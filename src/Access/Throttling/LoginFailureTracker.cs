namespace VfeTps.Stream.Access;

/// <summary>
/// Failed logins per key (a user name, or a client address) within a sliding window, the attempts being
/// checked right now, and the lockouts the failures caused. An attempt is reserved before its password is
/// checked and counts against the limit until it ends, so parallel attempts cannot all pass the check
/// while the first ones are still hashing. At most <c>capacity</c> keys are tracked: when full, keys quiet
/// for a whole window (not locked, nothing in flight) are dropped first, then the least recently active
/// unlocked key, then the lock ending soonest.
/// </summary>
internal sealed class LoginFailureTracker(AccessOptions options, int capacity)
{
    /// <summary>The wait suggested when the limit is taken up by attempts still being checked: they end within a second or so.</summary>
    public static readonly TimeSpan InFlightWait = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
                return _entries.Count;
        }
    }

    /// <summary>How long <paramref name="key"/> stays locked out; null when it is not.</summary>
    public TimeSpan? LockedFor(string key, DateTimeOffset now)
    {
        lock (_lock)
            return _entries.TryGetValue(key, out var entry) && entry.LockedUntil > now ? entry.LockedUntil - now : null;
    }

    /// <summary>
    /// Reserves an attempt for <paramref name="key"/>: null when it may go ahead (then end it with
    /// <see cref="RecordFailure"/>, <see cref="RecordSuccess"/> or <see cref="Release"/>), else how long to
    /// wait: the lockout's rest, or <see cref="InFlightWait"/> when failures plus attempts in flight already
    /// reach <see cref="AccessOptions.LoginMaxFailures"/>.
    /// </summary>
    public TimeSpan? TryReserve(string key, DateTimeOffset now)
    {
        lock (_lock)
        {
            var entry = GetOrAdd(key, now);
            if (entry.LockedUntil > now)
                return entry.LockedUntil - now;
            Forget(entry, now);
            if (entry.Failures.Count + entry.InFlight >= options.LoginMaxFailures)
                return InFlightWait;
            entry.InFlight++;
            entry.LastActivity = now;
            return null;
        }
    }

    /// <summary>Ends a reserved attempt that checked no password (refused for another reason, or abandoned).</summary>
    public void Release(string key, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out var entry))
                return;
            entry.InFlight = Math.Max(0, entry.InFlight - 1);
            RemoveIfEmpty(key, entry, now);
        }
    }

    /// <summary>Ends a reserved attempt as a success: the key's failures, lock and lockout history are cleared.</summary>
    public void RecordSuccess(string key, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out var entry))
                return;
            entry.InFlight = Math.Max(0, entry.InFlight - 1);
            entry.Failures.Clear();
            entry.LockedUntil = DateTimeOffset.MinValue;
            entry.Lockouts = 0;
            RemoveIfEmpty(key, entry, now);
        }
    }

    /// <summary>
    /// Counts a failure (ending a reserved attempt, if <paramref name="reserved"/>); returns the lockout it
    /// started, if it reached the limit.
    /// </summary>
    public TimeSpan? RecordFailure(string key, DateTimeOffset now, bool reserved = false)
    {
        lock (_lock)
        {
            var entry = GetOrAdd(key, now);
            if (reserved)
                entry.InFlight = Math.Max(0, entry.InFlight - 1);
            Forget(entry, now);
            entry.Failures.Enqueue(now);
            entry.LastActivity = now;
            if (entry.Failures.Count < options.LoginMaxFailures)
                return null;

            // Each lockout in a row doubles the last, up to the maximum (compared before multiplying: no overflow).
            var factor = 1L << Math.Min(entry.Lockouts, 30);
            var lockout = options.LoginLockout.Ticks > options.LoginMaxLockout.Ticks / factor
                ? options.LoginMaxLockout
                : TimeSpan.FromTicks(options.LoginLockout.Ticks * factor);
            entry.Lockouts++;
            entry.LockedUntil = now + lockout;
            entry.Failures.Clear();
            return lockout;
        }
    }

    private Entry GetOrAdd(string key, DateTimeOffset now)
    {
        if (_entries.TryGetValue(key, out var entry))
            return entry;
        if (_entries.Count >= capacity)
            Evict(now);
        _entries[key] = entry = new Entry { LastActivity = now };
        return entry;
    }

    private void Forget(Entry entry, DateTimeOffset now)
    {
        while (entry.Failures.Count > 0 && now - entry.Failures.Peek() >= options.LoginFailureWindow)
            entry.Failures.Dequeue();
    }

    /// <summary>An entry with nothing to remember (no failure, lock, lockout history or attempt in flight) goes at once.</summary>
    private void RemoveIfEmpty(string key, Entry entry, DateTimeOffset now)
    {
        Forget(entry, now);
        if (entry.InFlight == 0 && entry.Failures.Count == 0 && entry.Lockouts == 0 && entry.LockedUntil <= now)
            _entries.Remove(key);
    }

    private void Evict(DateTimeOffset now)
    {
        var quiet = _entries
            .Where(pair => pair.Value.InFlight == 0 && pair.Value.LockedUntil <= now && now - pair.Value.LastActivity >= options.LoginFailureWindow)
            .Select(pair => pair.Key).ToArray();
        foreach (var key in quiet)
            _entries.Remove(key);
        if (_entries.Count < capacity)
            return;

        // An entry with an attempt in flight goes only when every entry has one (its reservation is then forgotten).
        var idle = _entries.Where(pair => pair.Value.InFlight == 0).ToArray();
        var candidates = idle.Length > 0 ? idle : _entries.ToArray();
        var unlocked = candidates.Where(pair => pair.Value.LockedUntil <= now).ToArray();
        var victim = unlocked.Length > 0
            ? unlocked.MinBy(pair => pair.Value.LastActivity).Key
            : candidates.MinBy(pair => pair.Value.LockedUntil).Key;
        _entries.Remove(victim);
    }

    private sealed class Entry
    {
        public Queue<DateTimeOffset> Failures { get; } = new();

        /// <summary>The last failure or reservation.</summary>
        public DateTimeOffset LastActivity { get; set; }

        public DateTimeOffset LockedUntil { get; set; } = DateTimeOffset.MinValue;

        public int Lockouts { get; set; }

        /// <summary>Attempts reserved whose password check has not ended yet.</summary>
        public int InFlight { get; set; }
    }
}
