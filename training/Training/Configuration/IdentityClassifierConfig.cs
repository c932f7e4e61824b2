namespace VfeTps.Stream.Training.Configuration;

/// <summary>
/// The usual identity-classification (ID) loss on global image features: a linear classifier over
/// the training identities with cross-entropy. Not part of VFE-TPS; the paper's control for IS-GVFC.
/// </summary>
public sealed record IdentityClassifierConfig
{
    public bool Enabled { get; init; }
    public double Weight { get; init; } = 1.0;

    /// <summary>Number of training identities (set from the data set when training).</summary>
    public int Identities { get; init; }

    internal void Validate()
    {
        if (Enabled && Identities < 2)
            throw new ArgumentOutOfRangeException(nameof(Identities), Identities, "The identity classifier needs at least 2 identities.");
    }
}
