using System.Buffers;
using System.Collections.Frozen;

namespace VfeTps.Stream.Tokenizer;

/// <summary>
/// OpenAI CLIP's byte-level BPE tokenizer (<c>simple_tokenizer.py</c>), shared by training and
/// query serving so that both see identical ids. Immutable and thread-safe once constructed; BPE
/// results are cached per word.
/// </summary>
/// <remarks>
/// Unknown-symbol policy: a merged symbol missing from the vocabulary is split back into the
/// symbols that formed it until the pieces are known; a single byte symbol still missing is
/// skipped (no id is emitted) and counted. <see cref="Encode(string, out int)"/> reports the count.
/// With CLIP's own files every byte symbol is in the vocabulary, so nothing is ever skipped.
/// </remarks>
public sealed class ClipTokenizer
{
    /// <summary>CLIP's text context: 77 token slots including start and end of text.</summary>
    public const int DefaultContextLength = 77;

    /// <summary>How many distinct words the BPE cache holds before it stops admitting new ones.</summary>
    public const int DefaultWordCacheCapacity = 100_000;

    private const int StackallocCharLimit = 512;

    private readonly FrozenDictionary<string, int> _vocabulary;
    private readonly string?[] _tokensById;
    private readonly BpeMerge[] _merges;
    private readonly BpeModel _model;
    private readonly WordEncodingCache _wordCache;

    /// <summary>Builds a tokenizer from a vocabulary and ranked merges.</summary>
    /// <param name="vocabulary">Token to id; ids are non-negative and distinct, and both special tokens are present.</param>
    /// <param name="merges">Merge rules, lowest rank first; no pair may repeat.</param>
    /// <param name="wordCacheCapacity">Distinct words whose BPE result is cached; 0 disables the cache.</param>
    /// <exception cref="ArgumentException">The vocabulary or merges are inconsistent.</exception>
    public ClipTokenizer(
        IReadOnlyDictionary<string, int> vocabulary,
        IEnumerable<BpeMerge> merges,
        int wordCacheCapacity = DefaultWordCacheCapacity)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(merges);
        ArgumentOutOfRangeException.ThrowIfNegative(wordCacheCapacity);

        _vocabulary = vocabulary.ToFrozenDictionary(StringComparer.Ordinal);
        _tokensById = TokenizerInputValidation.IndexTokensById(_vocabulary);
        _merges = [.. merges];
        TokenizerInputValidation.ValidateMerges(_merges);
        Merges = Array.AsReadOnly(_merges);
        StartOfTextId = TokenizerInputValidation.RequireSpecial(_vocabulary, ClipSpecialTokens.StartOfText);
        EndOfTextId = TokenizerInputValidation.RequireSpecial(_vocabulary, ClipSpecialTokens.EndOfText);
        _model = new BpeModel(_vocabulary, VocabularySize, _merges);

        // The reference seeds its cache with the markers so that they encode to their own ids.
        _wordCache = new WordEncodingCache(wordCacheCapacity);
        _wordCache.Pin(ClipSpecialTokens.StartOfText, new WordEncoding([StartOfTextId], 0));
        _wordCache.Pin(ClipSpecialTokens.EndOfText, new WordEncoding([EndOfTextId], 0));
    }

    /// <summary>Id of <c>&lt;|startoftext|&gt;</c>, the first token of every tokenized text.</summary>
    public int StartOfTextId { get; }

    /// <summary>Id of <c>&lt;|endoftext|&gt;</c>, the last real token of every tokenized text.</summary>
    public int EndOfTextId { get; }

    /// <summary>One past the largest id: the number of rows a token embedding table needs.</summary>
    public int VocabularySize => _tokensById.Length;

    /// <summary>Token to id, as loaded or learned.</summary>
    public IReadOnlyDictionary<string, int> Vocabulary => _vocabulary;

    /// <summary>The merge rules in rank order.</summary>
    public IReadOnlyList<BpeMerge> Merges { get; }

    /// <summary>
    /// Loads the tokenizer files found in a model folder: <c>vocab.json</c> + <c>merges.txt</c>, or
    /// else <c>bpe_simple_vocab_16e6.txt.gz</c> / <c>.txt</c>.
    /// </summary>
    /// <exception cref="TokenizerFormatException">No tokenizer files are there, or they are malformed.</exception>
    public static ClipTokenizer Load(string directory) => Load(TokenizerFiles.Locate(directory));

    /// <summary>Loads the tokenizer that <paramref name="files"/> describes.</summary>
    /// <exception cref="TokenizerFormatException">A file is missing or malformed.</exception>
    public static ClipTokenizer Load(TokenizerFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return files.Format == TokenizerFileFormat.HuggingFace
            ? HuggingFaceTokenizerFormat.Read(files.VocabularyPath!, files.MergesPath)
            : ClipBpeFormat.Read(files.MergesPath);
    }

    /// <summary>
    /// Builds a tokenizer with CLIP's vocabulary layout for <paramref name="merges"/>: the 256 byte
    /// symbols, the same with <c>&lt;/w&gt;</c>, one token per merge, then the two special tokens.
    /// </summary>
    public static ClipTokenizer FromMerges(IEnumerable<BpeMerge> merges)
    {
        ArgumentNullException.ThrowIfNull(merges);
        var ranked = merges.ToArray();
        return new ClipTokenizer(ClipVocabularyLayout.Build(ranked), ranked);
    }

    /// <summary>
    /// Writes <c>vocab.json</c> and <c>merges.txt</c> into <paramref name="directory"/> (created if
    /// needed, files overwritten), so that a model bundle carries the tokenizer it was trained with.
    /// </summary>
    public TokenizerFiles SaveTo(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        return HuggingFaceTokenizerFormat.Write(directory, _vocabulary, _merges);
    }

    /// <summary>Encodes text to BPE ids, without the start and end markers.</summary>
    public int[] Encode(string text) => Encode(text, out _);

    /// <summary>Encodes text to BPE ids and reports how many byte symbols were unknown and skipped.</summary>
    /// <param name="text">The text to encode.</param>
    /// <param name="unknownSymbolCount">Symbols the vocabulary lacks; 0 with a complete vocabulary.</param>
    public int[] Encode(string text, out int unknownSymbolCount)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new List<int>(text.Length / 3 + 4);
        var sink = new TokenIdListSink(ids);
        unknownSymbolCount = EncodeInto(text, ref sink);
        return [.. ids];
    }

    /// <summary>
    /// Tokenizes one text for the text tower: start marker, BPE ids, end marker, zero padding. Text
    /// longer than the context keeps its first tokens and puts the end marker in the last slot.
    /// </summary>
    public long[] Tokenize(string text, int contextLength = DefaultContextLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(contextLength, 2);
        var row = new long[contextLength];
        TokenizeRow(text, row);
        return row;
    }

    /// <summary>Tokenizes one text into <paramref name="row"/>, whose length is the context length.</summary>
    public void Tokenize(string text, Span<long> row)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (row.Length < 2)
        {
            throw new ArgumentException("A token row needs room for at least the start and end markers.", nameof(row));
        }

        TokenizeRow(text, row);
    }

    /// <summary>Tokenizes a batch into a new row-major [texts.Count, contextLength] array.</summary>
    public long[] TokenizeBatch(IReadOnlyList<string> texts, int contextLength = DefaultContextLength)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfLessThan(contextLength, 2);
        var tokens = new long[texts.Count * contextLength];
        TokenizeBatch(texts, tokens, contextLength);
        return tokens;
    }

    /// <summary>
    /// Tokenizes a batch into a caller's row-major [texts.Count, contextLength] buffer, e.g. one
    /// reused across batches or backing a tensor, so that serving allocates nothing per query.
    /// </summary>
    public void TokenizeBatch(IReadOnlyList<string> texts, Span<long> destination, int contextLength = DefaultContextLength)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfLessThan(contextLength, 2);
        if (destination.Length != texts.Count * contextLength)
        {
            throw new ArgumentException(
                $"The destination holds {destination.Length} ids but {texts.Count} texts of {contextLength} tokens need {texts.Count * contextLength}.",
                nameof(destination));
        }

        for (var index = 0; index < texts.Count; index++)
        {
            var text = texts[index] ?? throw new ArgumentException($"Text {index} of the batch is null.", nameof(texts));
            TokenizeRow(text, destination.Slice(index * contextLength, contextLength));
        }
    }

    /// <summary>
    /// Turns ids back into text for debugging: special markers are dropped, each word end becomes
    /// one space, and the trailing space is trimmed. Invalid UTF-8 becomes U+FFFD.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An id is not in the vocabulary.</exception>
    public string Decode(IEnumerable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return ByteLevelDecoder.Decode(ids.Where(id => id != StartOfTextId && id != EndOfTextId).Select(TokenOf));
    }

    private string TokenOf(int id) =>
        (uint)id < (uint)_tokensById.Length && _tokensById[id] is { } token
            ? token
            : throw new ArgumentOutOfRangeException(nameof(id), id, "The id is not in the vocabulary.");

    private void TokenizeRow(string text, Span<long> row)
    {
        // Reference rule: [SOT] + ids + [EOT]; too long keeps the first row.Length tokens and
        // overwrites the last with EOT, so the text tower always finds its pooling token.
        row[0] = StartOfTextId;
        var sink = new ContextRowSink(row[1..]);
        EncodeInto(text, ref sink);
        var used = 1 + sink.Count;
        if (used < row.Length)
        {
            row[used++] = EndOfTextId;
            row[used..].Clear();
        }
        else
        {
            row[^1] = EndOfTextId;
        }
    }

    /// <summary>Normalizes, pre-tokenizes and BPE-encodes text into a sink; returns the unknown-symbol count.</summary>
    private int EncodeInto<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : ITokenIdSink, allows ref struct
    {
        char[]? rented = null;
        var buffer = text.Length <= StackallocCharLimit
            ? stackalloc char[StackallocCharLimit]
            : rented = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            ReadOnlySpan<char> normalized = buffer[..ClipTextNormalizer.Normalize(text, buffer)];
            var unknown = 0;
            foreach (var word in ClipPreTokenizer.EnumerateWords(normalized))
            {
                var encoding = EncodeWord(normalized.Slice(word.Index, word.Length));
                unknown += encoding.UnknownCount;
                foreach (var id in encoding.Ids)
                {
                    if (!sink.TryAppend(id))
                    {
                        return unknown;
                    }
                }
            }

            return unknown;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private WordEncoding EncodeWord(ReadOnlySpan<char> word)
    {
        if (_wordCache.TryGet(word, out var encoding))
        {
            return encoding;
        }

        encoding = _model.EncodeWord(word);
        _wordCache.TryAdd(word, encoding);
        return encoding;
    }
}
