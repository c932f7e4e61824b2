namespace VfeTps.Stream.Contracts;

/// <summary>Where a camera's worker is.</summary>
public enum CameraState
{
    /// <summary>Opening the source for the first time.</summary>
    Connecting,

    /// <summary>Frames arrive.</summary>
    Streaming,

    /// <summary>The source failed or stalled; waiting (back-off with jitter) before the next try.</summary>
    Reconnecting,

    /// <summary>A file that is not looped has been read to its end.</summary>
    Ended,

    /// <summary>Removed or shutting down.</summary>
    Stopped,
}
