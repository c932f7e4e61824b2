namespace VfeTps.Stream.Tokenizer;

/// <summary>
/// Reads OpenAI's <c>bpe_simple_vocab_16e6.txt(.gz)</c>: a header line, then merges. CLIP uses
/// lines [1, 49152 - 256 - 2] of it (48,894 merges); a shorter file contributes all its merges.
/// The vocabulary is derived with <see cref="ClipVocabularyLayout"/>.
/// </summary>
internal static class ClipBpeFormat
{
    /// <summary>Merges CLIP takes: a 49,152-token budget less the 256 byte symbols and the 2 special tokens.</summary>
    public const int ClipMergeCount = 49152 - 256 - 2;

    public static ClipTokenizer Read(string path)
    {
        var lines = TokenizerFileAccess.ReadLines(path, maxLines: 1 + ClipMergeCount);
        if (lines.Count == 0)
        {
            throw new TokenizerFormatException($"BPE file '{path}' is empty; expected a header line followed by merges.", path);
        }

        var merges = MergeListParser.Parse(lines[1..], path, firstLineNumber: 2);
        try
        {
            return ClipTokenizer.FromMerges(merges);
        }
        catch (ArgumentException exception)
        {
            throw new TokenizerFormatException($"BPE file '{path}' is inconsistent: {exception.Message}", path, exception);
        }
    }
}
