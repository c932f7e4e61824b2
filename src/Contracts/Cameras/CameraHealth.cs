namespace VfeTps.Stream.Contracts;

/// <summary>A camera worker's health, as the API and the UI show it.</summary>
/// <param name="State">Where the worker is.</param>
/// <param name="FramesPerSecondIn">Frames decoded per second (last few seconds).</param>
/// <param name="FramesPerSecondOut">Frames sampled and published per second (last few seconds).</param>
/// <param name="Lag">Wall-clock now minus the capture time of the last published frame.</param>
/// <param name="Reconnects">Reconnections since the worker started.</param>
/// <param name="LastError">The last failure, in words (credentials removed).</param>
/// <param name="LastErrorAt">When it happened.</param>
/// <param name="LastFrameAt">Capture time of the last published frame.</param>
/// <param name="FramesPublished">Frames published since the worker started.</param>
/// <param name="FramesDropped">Sampled frames dropped because the pipeline was full (backpressure).</param>
public sealed record CameraHealth(
    CameraState State,
    double FramesPerSecondIn,
    double FramesPerSecondOut,
    TimeSpan? Lag,
    int Reconnects,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    DateTimeOffset? LastFrameAt,
    long FramesPublished,
    long FramesDropped)
{
    public static CameraHealth NotStarted { get; } = new(CameraState.Connecting, 0, 0, null, 0, null, null, null, 0, 0);
}
