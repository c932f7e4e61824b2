namespace VfeTps.Stream.Tokenizer;

/// <summary>
/// Thrown when tokenizer files are missing, unreadable or inconsistent. The message names the
/// file and the line or key at fault so that a broken model bundle can be fixed by hand.
/// </summary>
public sealed class TokenizerFormatException : Exception
{
    public TokenizerFormatException()
    {
    }

    public TokenizerFormatException(string message)
        : base(message)
    {
    }

    public TokenizerFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TokenizerFormatException(string message, string filePath, Exception? innerException = null)
        : base(message, innerException)
    {
        FilePath = filePath;
    }

    /// <summary>The file the problem was found in, when there is one.</summary>
    public string? FilePath { get; }
}
