namespace VfeTps.Stream.PersonCrop;

/// <summary>Settings of the background-subtraction detector (<c>PersonCrop:Motion</c>).</summary>
public sealed class MotionDetectorOptions
{
    /// <summary>Frames the background model remembers (MOG2 history).</summary>
    public int History { get; set; } = 200;

    /// <summary>MOG2's squared Mahalanobis distance for a pixel to count as foreground.</summary>
    public double VarianceThreshold { get; set; } = 25;

    /// <summary>
    /// Frames after a (re)start during which the background is learned and nothing is reported.
    /// MOG2 learns fast in its first few dozen frames, so slow people with plain clothes can be
    /// partly absorbed into the background until then.
    /// </summary>
    public int WarmupFrames { get; set; } = 5;

    /// <summary>Smallest blob box, as a fraction of the frame's area.</summary>
    public double MinAreaFraction { get; set; } = 0.001;

    /// <summary>Largest blob box, as a fraction of the frame's area (larger ones are lighting changes or camera moves).</summary>
    public double MaxAreaFraction { get; set; } = 0.3;

    /// <summary>Smallest height / width of a person-like blob.</summary>
    public double MinAspect { get; set; } = 1.0;

    /// <summary>Largest height / width of a person-like blob.</summary>
    public double MaxAspect { get; set; } = 5.0;

    /// <summary>Frames wider than this are shrunk to it before subtraction (0: never); boxes are reported in frame pixels.</summary>
    public int ProcessingWidth { get; set; } = 640;

    internal void Validate(List<string> problems)
    {
        const string section = "Motion:";
        if (History < 1)
            problems.Add($"{section}{nameof(History)} must be positive (got {History}).");
        if (!(VarianceThreshold > 0))
            problems.Add($"{section}{nameof(VarianceThreshold)} must be positive (got {VarianceThreshold}).");
        if (WarmupFrames < 0)
            problems.Add($"{section}{nameof(WarmupFrames)} must not be negative (got {WarmupFrames}).");
        if (!(MinAreaFraction is > 0 and < 1) || !(MaxAreaFraction > MinAreaFraction && MaxAreaFraction <= 1))
            problems.Add($"{section}{nameof(MinAreaFraction)} and {nameof(MaxAreaFraction)} must satisfy 0 < min < max ≤ 1 (got {MinAreaFraction} and {MaxAreaFraction}).");
        if (!(MinAspect > 0) || !(MaxAspect > MinAspect))
            problems.Add($"{section}{nameof(MinAspect)} and {nameof(MaxAspect)} must satisfy 0 < min < max (got {MinAspect} and {MaxAspect}).");
        if (ProcessingWidth is < 0 or (> 0 and < 64))
            problems.Add($"{section}{nameof(ProcessingWidth)} must be 0 (never shrink) or at least 64 (got {ProcessingWidth}).");
    }
}
