using System.Collections.Concurrent;

namespace VfeTps.Stream.Tokenizer;

/// <summary>
/// Bounded, thread-safe cache of BPE results per word, looked up by span so that a cache hit
/// allocates nothing. When full it stops admitting words instead of evicting: query and caption
/// words follow a steep frequency curve, so the words seen first are mostly the ones worth keeping,
/// and never evicting keeps every operation lock-free.
/// </summary>
internal sealed class WordEncodingCache
{
    private readonly ConcurrentDictionary<string, WordEncoding> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, WordEncoding>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly int _capacity;
    private int _admitted;

    public WordEncodingCache(int capacity)
    {
        _capacity = capacity;
        _bySpan = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool TryGet(ReadOnlySpan<char> word, out WordEncoding encoding) =>
        _bySpan.TryGetValue(word, out encoding);

    /// <summary>Adds an entry that does not count against the capacity (the special tokens).</summary>
    public void Pin(string word, WordEncoding encoding) => _entries[word] = encoding;

    public void TryAdd(ReadOnlySpan<char> word, WordEncoding encoding)
    {
        // Racing threads may overshoot the bound by a few entries; that is harmless.
        if (Volatile.Read(ref _admitted) >= _capacity)
        {
            return;
        }

        if (_bySpan.TryAdd(word, encoding))
        {
            Interlocked.Increment(ref _admitted);
        }
    }
}
