namespace VfeTps.Stream.PersonCrop;

/// <summary>Settings of the per-camera tracker (<c>PersonCrop:Tracker</c>).</summary>
public sealed class TrackerOptions
{
    /// <summary>Least IoU between a track's predicted box and a detection for them to be associated.</summary>
    public double MinIou { get; set; } = 0.2;

    /// <summary>Detections a track needs before it is confirmed (only confirmed tracks give crops).</summary>
    public int MinHits { get; set; } = 3;

    /// <summary>Consecutive frames without a detection after which a track ends.</summary>
    public int MaxMissedFrames { get; set; } = 5;

    /// <summary>Weight of the newest displacement in the velocity estimate (1: last step only).</summary>
    public double VelocitySmoothing { get; set; } = 0.5;

    internal void Validate(List<string> problems)
    {
        const string section = "Tracker:";
        if (!(MinIou is > 0 and < 1))
            problems.Add($"{section}{nameof(MinIou)} must be in (0, 1) (got {MinIou}).");
        if (MinHits < 1)
            problems.Add($"{section}{nameof(MinHits)} must be positive (got {MinHits}).");
        if (MaxMissedFrames < 1)
            problems.Add($"{section}{nameof(MaxMissedFrames)} must be positive (got {MaxMissedFrames}).");
        if (!(VelocitySmoothing is >= 0 and <= 1))
            problems.Add($"{section}{nameof(VelocitySmoothing)} must be in [0, 1] (got {VelocitySmoothing}).");
    }
}
