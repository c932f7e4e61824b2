namespace VfeTps.Stream.Tokenizer;

/// <summary>
/// The vocabulary CLIP derives from its merge list: the 256 byte symbols, the same 256 with
/// <c>&lt;/w&gt;</c>, one token per merge in rank order, then <c>&lt;|startoftext|&gt;</c> and
/// <c>&lt;|endoftext|&gt;</c>, so the special tokens always take the last two ids.
/// </summary>
internal static class ClipVocabularyLayout
{
    /// <summary>Byte symbols with and without the word-end suffix.</summary>
    public const int ByteSymbolCount = 512;

    public static Dictionary<string, int> Build(IReadOnlyList<BpeMerge> merges)
    {
        var tokens = new List<string>(ByteSymbolCount + merges.Count + 2);
        tokens.AddRange(ByteUnicodeTable.VocabularyOrder.Select(symbol => symbol.ToString()));
        tokens.AddRange(ByteUnicodeTable.VocabularyOrder.Select(symbol => symbol + ClipSpecialTokens.EndOfWord));
        tokens.AddRange(merges.Select(merge => merge.Merged));
        tokens.Add(ClipSpecialTokens.StartOfText);
        tokens.Add(ClipSpecialTokens.EndOfText);

        var vocabulary = new Dictionary<string, int>(tokens.Count, StringComparer.Ordinal);
        for (var id = 0; id < tokens.Count; id++)
        {
            // Two merges spelling the same token: the later id wins, as in the reference's dict(zip(...));
            // the earlier id is left unused. CLIP's own file has no such pair.
            vocabulary[tokens[id]] = id;
        }

        return vocabulary;
    }
}
