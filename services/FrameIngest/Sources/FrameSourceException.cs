namespace VfeTps.Stream.FrameIngest.Sources;

/// <summary>A camera source failed: cannot be opened, broke off, stalled. The message is for people and holds no credentials.</summary>
public sealed class FrameSourceException : Exception
{
    public FrameSourceException()
    {
    }

    public FrameSourceException(string message)
        : base(message)
    {
    }

    public FrameSourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
