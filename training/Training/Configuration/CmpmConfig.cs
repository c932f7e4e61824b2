namespace VfeTps.Stream.Training.Configuration;

/// <summary>Cross-modal projection matching, the global alignment loss.</summary>
public sealed record CmpmConfig
{
    /// <summary>τ in the paper's eq. 6 (cosine similarity divided by τ).</summary>
    public double Temperature { get; init; } = 0.02;

    /// <summary>ε in eq. 7, keeping log(q + ε) finite where q is zero.</summary>
    public double Epsilon { get; init; } = 1e-8;

    internal void Validate() => ConfigGuard.Positive(Temperature, nameof(Temperature));
}
