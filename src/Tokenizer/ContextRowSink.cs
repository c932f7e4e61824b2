namespace VfeTps.Stream.Tokenizer;

/// <summary>Writes ids straight into a caller's row of a token tensor and stops when it is full.</summary>
internal ref struct ContextRowSink(Span<long> slots) : ITokenIdSink
{
    private readonly Span<long> _slots = slots;

    /// <summary>How many ids have been written.</summary>
    public int Count { get; private set; }

    public bool TryAppend(int id)
    {
        if (Count == _slots.Length)
        {
            return false;
        }

        _slots[Count++] = id;
        return true;
    }
}
