namespace VfeTps.Stream.Training.Trainer;

/// <summary>How training pairs are grouped into batches.</summary>
public enum BatchSampling
{
    /// <summary>Shuffled image–caption pairs (the paper and the reference code's default).</summary>
    Random,

    /// <summary>P identities × K images each, so that every batch holds same-identity pairs.</summary>
    IdentityBalanced,
}
