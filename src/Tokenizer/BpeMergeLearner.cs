using System.Runtime.InteropServices;
using System.Text;

namespace VfeTps.Stream.Tokenizer;

/// <summary>
/// Learns merges from word counts: repeatedly merges the most frequent adjacent symbol pair.
/// Pair counts are kept across steps and only the words that contain the merged pair are
/// revisited, so a step costs the size of those words rather than of the corpus.
/// </summary>
internal sealed class BpeMergeLearner
{
    private readonly List<string> _symbols = [];
    private readonly Dictionary<string, int> _symbolIds = new(StringComparer.Ordinal);
    private readonly int[][] _words;
    private readonly int[] _wordLengths;
    private readonly int[] _wordCounts;
    private readonly int[] _wordVisitedAtStep;
    private readonly Dictionary<long, int> _pairCounts = [];

    // Words that contained a pair when it was registered; entries can go stale and are rechecked.
    private readonly Dictionary<long, List<int>> _pairWords = [];
    private readonly PriorityQueue<long, PairPriority> _queue = new(PairPriorityComparer.Instance);
    private readonly Dictionary<long, int> _stepDeltas = [];

    public BpeMergeLearner(IReadOnlyDictionary<string, int> wordCounts)
    {
        // Sorted so that symbol ids, and with them everything below, do not depend on hash order.
        var words = wordCounts.OrderBy(entry => entry.Key, StringComparer.Ordinal).ToArray();
        _words = new int[words.Length][];
        _wordLengths = new int[words.Length];
        _wordCounts = new int[words.Length];
        _wordVisitedAtStep = new int[words.Length];
        for (var index = 0; index < words.Length; index++)
        {
            _words[index] = ToByteSymbols(words[index].Key);
            _wordLengths[index] = _words[index].Length;
            _wordCounts[index] = words[index].Value;
            CountPairs(index, _wordCounts[index]);
            RegisterPairs(index, containing: null);
        }

        CommitStepDeltas();
    }

    public List<BpeMerge> Learn(int mergeCount, int minPairFrequency, CancellationToken cancellationToken)
    {
        var merges = new List<BpeMerge>(mergeCount);
        var learned = new HashSet<long>();
        var step = 0;
        while (merges.Count < mergeCount && _queue.TryDequeue(out var pair, out var priority))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!_pairCounts.TryGetValue(pair, out var count) || count != priority.Count)
            {
                continue; // A stale entry: the pair's count changed after it was queued.
            }

            if (count < minPairFrequency)
            {
                break;
            }

            // A merge can re-create a pair merged before (when it spells an existing symbol); that
            // pair is merged again in the corpus but not listed twice, as its rule already exists.
            if (learned.Add(pair))
            {
                merges.Add(new BpeMerge(priority.Left, priority.Right));
            }

            MergeEverywhere(pair, Intern(priority.Left + priority.Right), ++step);
        }

        return merges;
    }

    private static long PairKey(int left, int right) => ((long)left << 32) | (uint)right;

    private int[] ToByteSymbols(string word)
    {
        var bytes = Encoding.UTF8.GetBytes(word);
        var symbols = new int[bytes.Length];
        for (var index = 0; index < bytes.Length; index++)
        {
            symbols[index] = Intern(ByteUnicodeTable.ToSymbol(bytes[index], endsWord: index == bytes.Length - 1));
        }

        return symbols;
    }

    private int Intern(string symbol)
    {
        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_symbolIds, symbol, out var exists);
        if (!exists)
        {
            id = _symbols.Count;
            _symbols.Add(symbol);
        }

        return id;
    }

    private void MergeEverywhere(long pair, int merged, int step)
    {
        var left = (int)(pair >> 32);
        var right = (int)pair;
        if (!_pairWords.Remove(pair, out var candidates))
        {
            return;
        }

        foreach (var word in candidates)
        {
            if (_wordVisitedAtStep[word] == step)
            {
                continue;
            }

            _wordVisitedAtStep[word] = step;
            // Recount the whole word: words are short, and old and new pairs then cancel exactly.
            CountPairs(word, -_wordCounts[word]);
            _wordLengths[word] = MergeInWord(_words[word].AsSpan(0, _wordLengths[word]), left, right, merged);
            CountPairs(word, _wordCounts[word]);

            // Only pairs with the new symbol are new to this word; the others still list it.
            RegisterPairs(word, containing: merged);
        }

        CommitStepDeltas();
    }

    /// <summary>Merges every occurrence of (left, right) left to right, as encoding does; returns the new length.</summary>
    private static int MergeInWord(Span<int> symbols, int left, int right, int merged)
    {
        var written = 0;
        for (var index = 0; index < symbols.Length;)
        {
            if (index + 1 < symbols.Length && symbols[index] == left && symbols[index + 1] == right)
            {
                symbols[written++] = merged;
                index += 2;
            }
            else
            {
                symbols[written++] = symbols[index++];
            }
        }

        return written;
    }

    private void CountPairs(int word, int delta)
    {
        var symbols = _words[word].AsSpan(0, _wordLengths[word]);
        for (var index = 0; index < symbols.Length - 1; index++)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_stepDeltas, PairKey(symbols[index], symbols[index + 1]), out _) += delta;
        }
    }

    /// <summary>Lists the word under its pairs, or only under those with symbol <paramref name="containing"/>.</summary>
    private void RegisterPairs(int word, int? containing)
    {
        var symbols = _words[word].AsSpan(0, _wordLengths[word]);
        for (var index = 0; index < symbols.Length - 1; index++)
        {
            var (left, right) = (symbols[index], symbols[index + 1]);
            if (containing is { } symbol && left != symbol && right != symbol)
            {
                continue;
            }

            ref var words = ref CollectionsMarshal.GetValueRefOrAddDefault(_pairWords, PairKey(left, right), out _);
            words ??= [];
            if (words.Count == 0 || words[^1] != word)
            {
                words.Add(word);
            }
        }
    }

    /// <summary>Applies the count changes of one step and queues every pair whose count moved.</summary>
    private void CommitStepDeltas()
    {
        foreach (var (pair, delta) in _stepDeltas)
        {
            if (delta == 0)
            {
                continue;
            }

            ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(_pairCounts, pair, out _);
            count += delta;
            if (count <= 0)
            {
                _pairCounts.Remove(pair);
                continue;
            }

            _queue.Enqueue(pair, new PairPriority(count, _symbols[(int)(pair >> 32)], _symbols[(int)pair]));
        }

        _stepDeltas.Clear();
    }
}
