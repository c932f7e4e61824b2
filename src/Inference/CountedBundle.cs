namespace VfeTps.Stream.Inference;

/// <summary>
/// A bundle with a reference count: one reference for being the current model, one per lease. The
/// bundle is disposed when the count reaches zero, i.e. once it has been swapped out and the last
/// caller using it is done. A count that has reached zero never rises again.
/// </summary>
internal sealed class CountedBundle(ModelBundle bundle)
{
    private int _references = 1;

    public ModelBundle Bundle { get; } = bundle;

    /// <summary>Adds a reference unless the bundle is already being disposed.</summary>
    public bool TryAddReference()
    {
        var current = Volatile.Read(ref _references);
        while (current > 0)
        {
            var seen = Interlocked.CompareExchange(ref _references, current + 1, current);
            if (seen == current)
                return true;
            current = seen;
        }
        return false;
    }

    public void Release()
    {
        var remaining = Interlocked.Decrement(ref _references);
        if (remaining == 0)
            Bundle.Dispose();
        else if (remaining < 0)
            throw new InvalidOperationException("A model bundle reference was released twice.");
    }
}
