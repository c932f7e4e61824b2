using System.Buffers;
using System.Runtime.InteropServices;

namespace VfeTps.Stream.Tokenizer;

/// <summary>
/// Counts the words of a caption corpus exactly as <see cref="ClipTokenizer"/> will see them:
/// the same normalizer and pre-tokenizer, and the special markers left out of learning.
/// </summary>
internal static class CaptionWordCounter
{
    public static Dictionary<string, int> Count(IEnumerable<string> captions, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var bySpan = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        var buffer = ArrayPool<char>.Shared.Rent(256);
        try
        {
            foreach (var caption in captions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                ArgumentNullException.ThrowIfNull(caption, nameof(captions));
                if (buffer.Length < caption.Length)
                {
                    ArrayPool<char>.Shared.Return(buffer);
                    buffer = ArrayPool<char>.Shared.Rent(caption.Length);
                }

                ReadOnlySpan<char> normalized = buffer.AsSpan(0, ClipTextNormalizer.Normalize(caption, buffer));
                foreach (var match in ClipPreTokenizer.EnumerateWords(normalized))
                {
                    var word = normalized.Slice(match.Index, match.Length);
                    if (!IsSpecialMarker(word))
                    {
                        CollectionsMarshal.GetValueRefOrAddDefault(bySpan, word, out _)++;
                    }
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        return counts;
    }

    private static bool IsSpecialMarker(ReadOnlySpan<char> word) =>
        word.SequenceEqual(ClipSpecialTokens.StartOfText) || word.SequenceEqual(ClipSpecialTokens.EndOfText);
}
