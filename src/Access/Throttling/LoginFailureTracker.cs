namespace VfeTps.Stream.Access;

/// <summary>
/// Failed logins per key (a user name, or a client address) within a sliding window, and the lockouts
/// they caused. At most <c>capacity</c> keys are tracked: when full, keys quiet for a whole window (and
/// not locked) are dropped first, then the least recently failed unlocked key, then the lock ending soonest.
/// </summary>
internal sealed class LoginFailureTracker(AccessOptions options, int capacity)
{
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

    /// <summary>Counts a failure; returns the lockout it started, if it reached the limit.</summary>
    public TimeSpan? RecordFailure(string key, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out var entry))
            {
                if (_entries.Count >= capacity)
                    Evict(now);
                _entries[key] = entry = new Entry();
            }

            while (entry.Failures.Count > 0 && now - entry.Failures.Peek() >= options.LoginFailureWindow)
                entry.Failures.Dequeue();
            entry.Failures.Enqueue(now);
            entry.LastFailure = now;
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

    public void Clear(string key)
    {
        lock (_lock)
            _entries.Remove(key);
    }

    private void Evict(DateTimeOffset now)
    {
        var quiet = _entries.Where(pair => pair.Value.LockedUntil <= now && now - pair.Value.LastFailure >= options.LoginFailureWindow)
            .Select(pair => pair.Key).ToArray();
        foreach (var key in quiet)
            _entries.Remove(key);
        if (_entries.Count < capacity)
            return;

        var unlocked = _entries.Where(pair => pair.Value.LockedUntil <= now).ToArray();
        var victim = unlocked.Length > 0
            ? unlocked.MinBy(pair => pair.Value.LastFailure).Key
            : _entries.MinBy(pair => pair.Value.LockedUntil).Key;
        _entries.Remove(victim);
    }

    private sealed class Entry
    {
        public Queue<DateTimeOffset> Failures { get; } = new();

        public DateTimeOffset LastFailure { get; set; }

        public DateTimeOffset LockedUntil { get; set; } = DateTimeOffset.MinValue;

        public int Lockouts { get; set; }
    }
}
