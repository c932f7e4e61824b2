namespace VfeTps.Stream.Evaluation;

/// <summary>One ablation run's metrics summarised over its seeds.</summary>
/// <param name="Name">The run's name.</param>
/// <param name="Seeds">The seeds, in the order given.</param>
/// <param name="Rank1">Rank-1 (%).</param>
/// <param name="Rank5">Rank-5 (%).</param>
/// <param name="Rank10">Rank-10 (%).</param>
/// <param name="MeanAveragePrecision">mAP (%).</param>
/// <param name="MeanInverseNegativePenalty">mINP (%).</param>
/// <param name="Silhouette">Silhouette, or null when the run's seeds have none.</param>
/// <param name="SecondsPerEpoch">Seconds per epoch, or null when not measured.</param>
public sealed record AblationRunSummary(
    string Name,
    IReadOnlyList<int> Seeds,
    MetricSummary Rank1,
    MetricSummary Rank5,
    MetricSummary Rank10,
    MetricSummary MeanAveragePrecision,
    MetricSummary MeanInverseNegativePenalty,
    MetricSummary? Silhouette,
    MetricSummary? SecondsPerEpoch);
