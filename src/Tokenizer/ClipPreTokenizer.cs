using System.Text.RegularExpressions;

namespace VfeTps.Stream.Tokenizer;

/// <summary>
/// CLIP's pre-tokenizer: splits normalized text into the words BPE runs on. Special-token
/// markers, English contractions, letter runs, single digits and punctuation runs are words;
/// whitespace separates them and is dropped.
/// </summary>
internal static partial class ClipPreTokenizer
{
    private const string WordPatternText =
        @"<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+";

    /// <summary>Enumerates the words of already normalized text without allocating.</summary>
    public static Regex.ValueMatchEnumerator EnumerateWords(ReadOnlySpan<char> normalizedText) =>
        WordPattern().EnumerateMatches(normalizedText);

    [GeneratedRegex(WordPatternText, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
