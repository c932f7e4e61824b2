namespace VfeTps.Stream.Training.Configuration;

/// <summary>Identity supervised global visual feature calibration (training only).</summary>
public sealed record IsGvfcConfig
{
    public bool Enabled { get; init; } = true;
    public double Weight { get; init; } = 1.0;

    /// <summary>C in the paper: how many images of the batch enter the C×C similarity matrix.</summary>
    public int SampleSize { get; init; } = 20;

    /// <summary>τ; 0.02 equals the reference code's logit scale of 50.</summary>
    public double Temperature { get; init; } = 0.02;

    internal void Validate()
    {
        if (SampleSize < 2)
            throw new ArgumentOutOfRangeException(nameof(SampleSize), SampleSize, "IS-GVFC needs at least 2 images.");
        ConfigGuard.Positive(Temperature, nameof(Temperature));
    }
}
