namespace VfeTps.Stream.PersonCrop.Stage;

/// <summary>The last few keys seen (a frame is stored once even when several tracks take shots from it).</summary>
internal sealed class RecentKeys(int capacity)
{
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public bool Contains(string key) => _keys.Contains(key);

    /// <summary>Remembers the key, forgetting the oldest beyond the capacity.</summary>
    public void Add(string key)
    {
        if (!_keys.Add(key))
            return;
        _order.Enqueue(key);
        while (_order.Count > capacity)
            _keys.Remove(_order.Dequeue());
    }
}
