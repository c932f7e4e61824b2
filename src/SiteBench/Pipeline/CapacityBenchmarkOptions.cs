namespace VfeTps.Stream.SiteBench.Pipeline;

/// <summary>Settings of the camera-capacity benchmark.</summary>
public sealed record CapacityBenchmarkOptions
{
    public double FramesPerSecond { get; init; } = 5;

    public int MaxCameras { get; init; } = 48;

    /// <summary>Before measuring: the demo scene's first walkers enter, tracks confirm, the first crops are embedded.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(30);
}
