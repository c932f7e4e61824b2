namespace VfeTps.Stream.Training.Trainer;

/// <summary>Training-time image augmentation (the reference code's transforms).</summary>
public sealed record AugmentationSettings
{
    public bool HorizontalFlip { get; init; } = true;

    /// <summary>Zero padding before a random crop back to size, in pixels at 384×128 (scaled to the model's input).</summary>
    public int PadPixels { get; init; } = 10;

    public bool RandomErasing { get; init; } = true;
    public double ErasingProbability { get; init; } = 0.5;
    public double ErasingMinArea { get; init; } = 0.02;
    public double ErasingMaxArea { get; init; } = 0.4;

    internal void Validate()
    {
        if (PadPixels < 0)
            throw new ArgumentOutOfRangeException(nameof(PadPixels), PadPixels, "Padding cannot be negative.");
        if (ErasingMinArea <= 0 || ErasingMaxArea > 1 || ErasingMinArea > ErasingMaxArea)
            throw new ArgumentException("Random erasing needs 0 < min area ≤ max area ≤ 1.");
    }
}
