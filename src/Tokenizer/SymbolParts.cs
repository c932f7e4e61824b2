namespace VfeTps.Stream.Tokenizer;

/// <summary>
/// How a symbol outside the vocabulary was formed, so that it can be split back into pieces the
/// vocabulary knows. Byte symbols have no parts.
/// </summary>
internal readonly record struct SymbolParts(int Left, int Right)
{
    public static SymbolParts None { get; } = new(-1, -1);

    public bool IsMerge => Left >= 0;
}
