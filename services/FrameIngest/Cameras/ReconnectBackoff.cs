namespace VfeTps.Stream.FrameIngest.Cameras;

/// <summary>
/// Exponential back-off with full jitter: the n-th retry waits a uniformly random time below
/// min(max, initial × multiplier^n), so that cameras that failed together (a switch reboot) do not
/// all come back in the same instant.
/// </summary>
internal sealed class ReconnectBackoff(TimeSpan initial, TimeSpan max, double multiplier, Random random)
{
    private int _failures;

    /// <summary>The ceiling of the next wait.</summary>
    public TimeSpan Ceiling
    {
        get
        {
            var ceiling = initial.TotalMilliseconds * Math.Pow(multiplier, _failures);
            return double.IsFinite(ceiling) && ceiling < max.TotalMilliseconds ? TimeSpan.FromMilliseconds(ceiling) : max;
        }
    }

    /// <summary>The wait before the next attempt; each call raises the ceiling.</summary>
    public TimeSpan Next()
    {
        var wait = TimeSpan.FromMilliseconds(random.NextDouble() * Ceiling.TotalMilliseconds);
        _failures = Math.Min(_failures + 1, 1000);
        return wait;
    }

    /// <summary>The source delivered frames again: the next failure starts from the initial ceiling.</summary>
    public void Reset() => _failures = 0;
}
