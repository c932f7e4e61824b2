namespace VfeTps.Stream.PersonCrop;

/// <summary>Settings of the best-shot policy and the quality score (<c>PersonCrop:BestShots</c>); see <see cref="PersonCrop.BestShots.BestShotPolicy"/>.</summary>
public sealed class BestShotOptions
{
    /// <summary>The most crops emitted per track.</summary>
    public int MaxShotsPerTrack { get; set; } = 3;

    /// <summary>How much better (absolute quality, 0..1) a later shot must be than every emitted one.</summary>
    public double MinQualityGain { get; set; } = 0.1;

    /// <summary>Least time between two shots of one track while it is alive.</summary>
    public TimeSpan MinShotInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Box height (pixels) at which the size term reaches 1.</summary>
    public int FullQualityHeight { get; set; } = 160;

    /// <summary>Variance of the Laplacian at which the sharpness term is 0.5.</summary>
    public double SharpnessScale { get; set; } = 100;

    /// <summary>A box this close (pixels) to the frame's edge counts as cut off.</summary>
    public int BorderMargin { get; set; } = 2;

    internal void Validate(List<string> problems)
    {
        const string section = "BestShots:";
        if (MaxShotsPerTrack < 1)
            problems.Add($"{section}{nameof(MaxShotsPerTrack)} must be positive (got {MaxShotsPerTrack}).");
        if (!(MinQualityGain is >= 0 and < 1))
            problems.Add($"{section}{nameof(MinQualityGain)} must be in [0, 1) (got {MinQualityGain}).");
        if (MinShotInterval < TimeSpan.Zero)
            problems.Add($"{section}{nameof(MinShotInterval)} must not be negative (got {MinShotInterval}).");
        if (FullQualityHeight < 1)
            problems.Add($"{section}{nameof(FullQualityHeight)} must be positive (got {FullQualityHeight}).");
        if (!(SharpnessScale > 0))
            problems.Add($"{section}{nameof(SharpnessScale)} must be positive (got {SharpnessScale}).");
        if (BorderMargin < 0)
            problems.Add($"{section}{nameof(BorderMargin)} must not be negative (got {BorderMargin}).");
    }
}
