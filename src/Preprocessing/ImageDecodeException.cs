namespace VfeTps.Stream.Preprocessing;

/// <summary>
/// Thrown when an image cannot be read or decoded: missing, empty, truncated, corrupt or not an
/// image at all. The message names the file (or the buffer) and says what is wrong, so that a bad
/// file in a data set of thousands can be found and removed by hand.
/// </summary>
public sealed class ImageDecodeException : Exception
{
    public ImageDecodeException()
    {
    }

    public ImageDecodeException(string message)
        : base(message)
    {
    }

    public ImageDecodeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ImageDecodeException(string message, string? filePath, Exception? innerException = null)
        : base(message, innerException)
    {
        FilePath = filePath;
    }

    /// <summary>The image file at fault; null when the image came from an in-memory buffer.</summary>
    public string? FilePath { get; }
}
