namespace VfeTps.Stream.Evaluation;

/// <summary>What one seed of an ablation run produced.</summary>
/// <param name="Seed">The training seed.</param>
/// <param name="Metrics">Test retrieval metrics.</param>
/// <param name="Silhouette">Silhouette of the test image features, if computed.</param>
/// <param name="SecondsPerEpoch">Mean training time per epoch, if measured.</param>
public sealed record AblationSeedResult(
    int Seed,
    RetrievalMetrics Metrics,
    double? Silhouette = null,
    double? SecondsPerEpoch = null);
