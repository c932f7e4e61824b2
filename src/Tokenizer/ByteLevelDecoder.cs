using System.Runtime.InteropServices;
using System.Text;

namespace VfeTps.Stream.Tokenizer;

/// <summary>Turns byte-level BPE tokens back into text: the inverse of the byte table plus word ends.</summary>
internal static class ByteLevelDecoder
{
    public static string Decode(IEnumerable<string> tokens)
    {
        var bytes = new List<byte>();
        Span<byte> fallback = stackalloc byte[4];
        foreach (var token in tokens)
        {
            var body = token.AsSpan();
            var endsWord = body.EndsWith(ClipSpecialTokens.EndOfWord, StringComparison.Ordinal);
            if (endsWord)
            {
                body = body[..^ClipSpecialTokens.EndOfWord.Length];
            }

            foreach (var symbolChar in body)
            {
                var value = ByteUnicodeTable.ToByte(symbolChar);
                if (value >= 0)
                {
                    bytes.Add((byte)value);
                }
                else
                {
                    // A foreign vocabulary may hold characters outside the byte table; keep them as text.
                    var written = Encoding.UTF8.GetBytes([symbolChar], fallback);
                    bytes.AddRange(fallback[..written]);
                }
            }

            if (endsWord)
            {
                bytes.Add((byte)' ');
            }
        }

        return Encoding.UTF8.GetString(CollectionsMarshal.AsSpan(bytes)).TrimEnd(' ');
    }
}
