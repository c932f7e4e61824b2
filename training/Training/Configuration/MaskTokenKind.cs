namespace VfeTps.Stream.Training.Configuration;

/// <summary>What replaces a masked patch embedding in TG-MIM's second image pass.</summary>
public enum MaskTokenKind
{
    /// <summary>A learned vector (SimMIM and the reference code).</summary>
    Learned,

    /// <summary>Zeros: the paper's wording ("setting pixel values within these patches to zero").</summary>
    Zero,
}
