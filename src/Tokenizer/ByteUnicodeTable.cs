namespace VfeTps.Stream.Tokenizer;

/// <summary>
/// CLIP's <c>bytes_to_unicode</c>: every byte gets a visible, non-whitespace character so that BPE
/// symbols are plain strings. Printable Latin-1 bytes stand for themselves; the other 68 bytes
/// (control characters, space, NBSP, soft hyphen) take the characters 256, 257, ... in byte order.
/// </summary>
internal static class ByteUnicodeTable
{
    private static readonly char[] ByteToCharTable = BuildByteToChar();
    private static readonly short[] CharToByteTable = BuildCharToByte(ByteToCharTable);
    private static readonly string[] InnerSymbols = [.. ByteToCharTable.Select(symbolChar => symbolChar.ToString())];
    private static readonly string[] WordEndSymbols = [.. InnerSymbols.Select(symbol => symbol + ClipSpecialTokens.EndOfWord)];

    /// <summary>
    /// The 256 byte characters in CLIP's vocabulary order (printable bytes first, then the rest),
    /// which is simply ascending character order.
    /// </summary>
    public static IReadOnlyList<char> VocabularyOrder { get; } = [.. ByteToCharTable.Order()];

    /// <summary>The initial BPE symbol of a byte: its character, with <c>&lt;/w&gt;</c> when it ends a word.</summary>
    public static string ToSymbol(byte value, bool endsWord) => endsWord ? WordEndSymbols[value] : InnerSymbols[value];

    /// <summary>The byte a character stands for, or -1 when the character is not in the table.</summary>
    public static int ToByte(char symbolChar) =>
        symbolChar < CharToByteTable.Length ? CharToByteTable[symbolChar] : -1;

    private static bool IsPrintable(int value) =>
        value is (>= '!' and <= '~') or (>= '¡' and <= '¬') or (>= '®' and <= 'ÿ');

    private static char[] BuildByteToChar()
    {
        var table = new char[256];
        var next = 256;
        for (var value = 0; value < 256; value++)
        {
            table[value] = IsPrintable(value) ? (char)value : (char)next++;
        }

        return table;
    }

    private static short[] BuildCharToByte(char[] byteToChar)
    {
        var table = new short[byteToChar.Max() + 1];
        Array.Fill(table, (short)-1);
        for (var value = 0; value < byteToChar.Length; value++)
        {
            table[byteToChar[value]] = (short)value;
        }

        return table;
    }
}
