namespace VfeTps.Stream.Tokenizer;

/// <summary>
/// Learns a byte-level BPE vocabulary from captions, for text towers trained from scratch. Words
/// are found with the tokenizer's own clean-up and pre-tokenizer; the most frequent adjacent pair
/// is merged first, ties broken by the pair's symbols in ordinal order, so the same corpus always
/// gives the same merges regardless of caption order. The result uses CLIP's vocabulary layout.
/// </summary>
public sealed class BpeVocabularyBuilder
{
    /// <summary>Ids that are not merges: 256 byte symbols, 256 with the word-end suffix, 2 special tokens.</summary>
    public const int ReservedTokenCount = ClipVocabularyLayout.ByteSymbolCount + 2;

    /// <param name="mergeCount">The most merges to learn; fewer when pairs run out or fall below the minimum frequency.</param>
    /// <param name="minPairFrequency">A pair occurring fewer times than this in the corpus is never merged.</param>
    public BpeVocabularyBuilder(int mergeCount, int minPairFrequency = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(mergeCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(minPairFrequency, 1);
        MergeCount = mergeCount;
        MinPairFrequency = minPairFrequency;
    }

    public int MergeCount { get; }

    public int MinPairFrequency { get; }

    /// <summary>A builder aiming at a total vocabulary size, byte symbols and special tokens included.</summary>
    public static BpeVocabularyBuilder ForVocabularySize(int vocabularySize, int minPairFrequency = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(vocabularySize, ReservedTokenCount);
        return new BpeVocabularyBuilder(vocabularySize - ReservedTokenCount, minPairFrequency);
    }

    /// <summary>Learns the merges, best first.</summary>
    public IReadOnlyList<BpeMerge> LearnMerges(IEnumerable<string> captions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(captions);
        var wordCounts = CaptionWordCounter.Count(captions, cancellationToken);
        return new BpeMergeLearner(wordCounts).Learn(MergeCount, MinPairFrequency, cancellationToken);
    }

    /// <summary>Learns the merges and returns a tokenizer with CLIP's layout; save it with <see cref="ClipTokenizer.SaveTo"/>.</summary>
    public ClipTokenizer Build(IEnumerable<string> captions, CancellationToken cancellationToken = default) =>
        ClipTokenizer.FromMerges(LearnMerges(captions, cancellationToken));
}
