namespace VfeTps.Stream.Evaluation;

/// <summary>
/// Text-to-image retrieval metrics over a whole query set, every rate in percent (0–100).
/// See README.md for the exact formulas and the tie rule.
/// </summary>
/// <param name="Rank1">Share of queries whose best relevant image is ranked first.</param>
/// <param name="Rank5">Share of queries with a relevant image in the top 5.</param>
/// <param name="Rank10">Share of queries with a relevant image in the top 10.</param>
/// <param name="MeanAveragePrecision">mAP: mean over queries of average precision.</param>
/// <param name="MeanInverseNegativePenalty">mINP: mean over queries of R / rank of the last relevant image.</param>
/// <param name="QueryCount">Number of queries (captions) evaluated.</param>
/// <param name="GalleryCount">Number of gallery images.</param>
public sealed record RetrievalMetrics(
    double Rank1,
    double Rank5,
    double Rank10,
    double MeanAveragePrecision,
    double MeanInverseNegativePenalty,
    int QueryCount,
    int GalleryCount);
