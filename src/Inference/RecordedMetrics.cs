namespace VfeTps.Stream.Inference;

/// <summary>Text-to-image retrieval results on one evaluation split as a bundle records them, in percent (0–100).</summary>
/// <param name="Rank1">Queries whose first result shows the right person.</param>
/// <param name="Rank5">Queries with the right person among the first five results.</param>
/// <param name="Rank10">Queries with the right person among the first ten results.</param>
/// <param name="MeanAveragePrecision">mAP over all queries.</param>
/// <param name="MeanInverseNegativePenalty">mINP: how early the hardest correct match is found.</param>
public sealed record RecordedMetrics(
    double Rank1,
    double Rank5,
    double Rank10,
    double MeanAveragePrecision,
    double MeanInverseNegativePenalty);
