namespace VfeTps.Stream.SynthPedes;

/// <summary>Everything that defines a SynthPedes data set; the same options always give the same bytes.</summary>
public sealed record SynthPedesOptions
{
    /// <summary>Folder for images, annotations, contact sheet and README; its <c>images/</c> folder is replaced.</summary>
    public required string OutputDirectory { get; init; }

    public int Seed { get; init; } = 1;

    public int TrainIdentities { get; init; } = 1000;

    public int ValidationIdentities { get; init; } = 100;

    public int TestIdentities { get; init; } = 300;

    public int MinImagesPerIdentity { get; init; } = 4;

    public int MaxImagesPerIdentity { get; init; } = 8;

    /// <summary>Cameras of the synthetic site; an identity's images visit them in a random order, so they come from different cameras.</summary>
    public int CameraCount { get; init; } = 6;

    public int ImageWidth { get; init; } = 128;

    public int ImageHeight { get; init; } = 384;

    public int JpegQualityMin { get; init; } = 30;

    public int JpegQualityMax { get; init; } = 95;

    /// <summary>Expected share of identities that are look-alikes (one or two attributes changed) of another in their split.</summary>
    public double SiblingShare { get; init; } = 0.5;

    public double OcclusionProbability { get; init; } = 0.3;

    public float NoiseStrength { get; init; } = 1f;

    public float BlurStrength { get; init; } = 1f;

    /// <summary>Threads used to render; -1 uses all cores. Never changes the output.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>How many test identities (rows) the contact sheet shows.</summary>
    public int ContactSheetIdentities { get; init; } = 8;

    /// <summary>
    /// Which splits to render ("train", "val", "test"); null renders all. Every identity is still
    /// planned, so a split rendered alone has exactly the bytes it has in the full set.
    /// </summary>
    public IReadOnlySet<string>? Splits { get; init; }

    public int TotalIdentities => TrainIdentities + ValidationIdentities + TestIdentities;

    public DegradationSettings Degradation => new(NoiseStrength, BlurStrength, OcclusionProbability, JpegQualityMin, JpegQualityMax);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(OutputDirectory);
        ArgumentOutOfRangeException.ThrowIfNegative(TrainIdentities);
        ArgumentOutOfRangeException.ThrowIfNegative(ValidationIdentities);
        ArgumentOutOfRangeException.ThrowIfNegative(TestIdentities);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(TotalIdentities);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MinImagesPerIdentity);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxImagesPerIdentity, MinImagesPerIdentity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(CameraCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(ImageWidth, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(ImageHeight, 32);
        ArgumentOutOfRangeException.ThrowIfLessThan(JpegQualityMin, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(JpegQualityMax, 100);
        ArgumentOutOfRangeException.ThrowIfLessThan(JpegQualityMax, JpegQualityMin);
        ArgumentOutOfRangeException.ThrowIfLessThan(SiblingShare, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(SiblingShare, 0.9);
        ArgumentOutOfRangeException.ThrowIfLessThan(OcclusionProbability, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(OcclusionProbability, 1.0);
        ArgumentOutOfRangeException.ThrowIfNegative(NoiseStrength);
        ArgumentOutOfRangeException.ThrowIfNegative(BlurStrength);
        ArgumentOutOfRangeException.ThrowIfNegative(ContactSheetIdentities);
        if (Splits is not null && (Splits.Count == 0 || Splits.Any(s => s is not (SplitNames.Train or SplitNames.Validation or SplitNames.Test))))
        {
            throw new ArgumentException(
                $"Splits must name at least one of {SplitNames.Train}, {SplitNames.Validation}, {SplitNames.Test}; got [{string.Join(", ", Splits)}].", nameof(Splits));
        }
        if (MaxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "Use -1 (all cores) or a positive count.");
        }
    }
}
