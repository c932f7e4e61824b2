using System.Buffers;
using System.Text;

namespace VfeTps.Stream.Tokenizer;

/// <summary>
/// Applies ranked BPE merges to one word. Symbols are ints: a symbol the vocabulary knows uses its
/// vocabulary id; any other symbol a merge rule mentions gets an id at or above the vocabulary
/// size, so that finding a word's ids after merging needs no string work. Immutable once built.
/// </summary>
internal sealed class BpeModel
{
    private const int StackallocLimit = 256;

    private readonly Dictionary<long, MergeRule> _rules;
    private readonly int[] _byteSymbols = new int[256];
    private readonly int[] _finalByteSymbols = new int[256];
    private readonly int _vocabularySize;
    private readonly List<SymbolParts> _unknownSymbolParts = [];

    /// <param name="vocabulary">Token to id; every id must be below <paramref name="vocabularySize"/>.</param>
    /// <param name="vocabularySize">One past the largest vocabulary id.</param>
    /// <param name="merges">Merge rules in rank order, free of repeated pairs.</param>
    public BpeModel(IReadOnlyDictionary<string, int> vocabulary, int vocabularySize, IReadOnlyList<BpeMerge> merges)
    {
        _vocabularySize = vocabularySize;
        var unknownSymbols = new Dictionary<string, int>(StringComparer.Ordinal);
        _rules = new Dictionary<long, MergeRule>(merges.Count);
        for (var rank = 0; rank < merges.Count; rank++)
        {
            var merge = merges[rank];
            var left = Intern(merge.Left, SymbolParts.None);
            var right = Intern(merge.Right, SymbolParts.None);
            var merged = Intern(merge.Merged, new SymbolParts(left, right));
            if (!_rules.TryAdd(PairKey(left, right), new MergeRule(rank, merged)))
            {
                throw new ArgumentException($"The merge '{merge}' (rank {rank}) appears more than once.", nameof(merges));
            }
        }

        for (var value = 0; value < 256; value++)
        {
            _byteSymbols[value] = Intern(ByteUnicodeTable.ToSymbol((byte)value, endsWord: false), SymbolParts.None);
            _finalByteSymbols[value] = Intern(ByteUnicodeTable.ToSymbol((byte)value, endsWord: true), SymbolParts.None);
        }

        int Intern(string symbol, SymbolParts parts)
        {
            if (vocabulary.TryGetValue(symbol, out var id))
            {
                return id;
            }

            if (unknownSymbols.TryGetValue(symbol, out id))
            {
                // A symbol first seen as a merge operand may later turn out to be a merge result.
                var index = id - _vocabularySize;
                if (!_unknownSymbolParts[index].IsMerge)
                {
                    _unknownSymbolParts[index] = parts;
                }

                return id;
            }

            id = _vocabularySize + _unknownSymbolParts.Count;
            unknownSymbols.Add(symbol, id);
            _unknownSymbolParts.Add(parts);
            return id;
        }
    }

    /// <summary>BPE-encodes one pre-tokenized word into vocabulary ids.</summary>
    public WordEncoding EncodeWord(ReadOnlySpan<char> word)
    {
        var byteCount = Encoding.UTF8.GetByteCount(word);
        if (byteCount == 0)
        {
            return new WordEncoding([], 0);
        }

        byte[]? rentedBytes = null;
        int[]? rentedSymbols = null;
        var bytes = byteCount <= StackallocLimit
            ? stackalloc byte[StackallocLimit]
            : rentedBytes = ArrayPool<byte>.Shared.Rent(byteCount);
        var symbols = byteCount <= StackallocLimit
            ? stackalloc int[StackallocLimit]
            : rentedSymbols = ArrayPool<int>.Shared.Rent(byteCount);
        try
        {
            // Lone surrogates become U+FFFD's bytes instead of throwing, as a query must never fail.
            Encoding.UTF8.GetBytes(word, bytes);
            for (var index = 0; index < byteCount - 1; index++)
            {
                symbols[index] = _byteSymbols[bytes[index]];
            }

            symbols[byteCount - 1] = _finalByteSymbols[bytes[byteCount - 1]];
            var symbolCount = ApplyMerges(symbols[..byteCount]);
            return ToVocabularyIds(symbols[..symbolCount], byteCount + ClipSpecialTokens.EndOfWord.Length);
        }
        finally
        {
            if (rentedBytes is not null)
            {
                ArrayPool<byte>.Shared.Return(rentedBytes);
            }

            if (rentedSymbols is not null)
            {
                ArrayPool<int>.Shared.Return(rentedSymbols);
            }
        }
    }

    private static long PairKey(int left, int right) => ((long)left << 32) | (uint)right;

    /// <summary>
    /// The reference loop: find the lowest-ranked adjacent pair, merge every occurrence of it left to
    /// right, repeat until no ranked pair is left. Works in place and returns the new symbol count.
    /// </summary>
    private int ApplyMerges(Span<int> symbols)
    {
        var count = symbols.Length;
        while (count > 1)
        {
            var bestRank = int.MaxValue;
            var bestLeft = 0;
            var bestRight = 0;
            var merged = 0;
            for (var index = 0; index < count - 1; index++)
            {
                if (_rules.TryGetValue(PairKey(symbols[index], symbols[index + 1]), out var rule) && rule.Rank < bestRank)
                {
                    (bestRank, bestLeft, bestRight, merged) = (rule.Rank, symbols[index], symbols[index + 1], rule.Merged);
                }
            }

            if (bestRank == int.MaxValue)
            {
                break;
            }

            var written = 0;
            for (var index = 0; index < count;)
            {
                if (index + 1 < count && symbols[index] == bestLeft && symbols[index + 1] == bestRight)
                {
                    symbols[written++] = merged;
                    index += 2;
                }
                else
                {
                    symbols[written++] = symbols[index++];
                }
            }

            count = written;
        }

        return count;
    }

    /// <summary>
    /// Maps merged symbols to ids. A symbol outside the vocabulary is split back into the two
    /// symbols of the lowest-ranked merge that spells it, recursively; a symbol that no merge
    /// spells (a byte symbol) and that the vocabulary lacks is skipped and counted.
    /// </summary>
    /// <param name="symbols">The merged symbols of one word.</param>
    /// <param name="maxIds">
    /// Characters in the word's symbol strings: each piece a split yields is a non-empty part of
    /// them, so no word can produce more ids than this, however odd the merge file.
    /// </param>
    private WordEncoding ToVocabularyIds(ReadOnlySpan<int> symbols, int maxIds)
    {
        int[]? rented = null;
        var ids = maxIds <= StackallocLimit
            ? stackalloc int[StackallocLimit]
            : rented = ArrayPool<int>.Shared.Rent(maxIds);
        try
        {
            var written = 0;
            var unknown = 0;
            foreach (var symbol in symbols)
            {
                Emit(symbol, ids, ref written, ref unknown);
            }

            return new WordEncoding(ids[..written].ToArray(), unknown);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }
    }

    private void Emit(int symbol, Span<int> ids, ref int written, ref int unknown)
    {
        if (symbol < _vocabularySize)
        {
            ids[written++] = symbol;
            return;
        }

        var parts = _unknownSymbolParts[symbol - _vocabularySize];
        if (parts.IsMerge)
        {
            Emit(parts.Left, ids, ref written, ref unknown);
            Emit(parts.Right, ids, ref written, ref unknown);
        }
        else
        {
            unknown++;
        }
    }
}
