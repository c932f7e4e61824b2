namespace VfeTps.Stream.Evaluation;

/// <summary>Where one query's relevant gallery images landed (for inspecting single queries).</summary>
/// <param name="QueryIndex">Row of the query.</param>
/// <param name="PersonId">The query's person id.</param>
/// <param name="RelevantGalleryIndices">Gallery rows of the relevant images, best ranked first.</param>
/// <param name="RelevantRanks">Their 1-based ranks, ascending, aligned with <paramref name="RelevantGalleryIndices"/>.</param>
/// <param name="AveragePrecision">This query's average precision, in [0, 1].</param>
/// <param name="InverseNegativePenalty">This query's INP, R / rank of the last relevant image, in (0, 1].</param>
public sealed record QueryRanking(
    int QueryIndex,
    int PersonId,
    IReadOnlyList<int> RelevantGalleryIndices,
    IReadOnlyList<int> RelevantRanks,
    double AveragePrecision,
    double InverseNegativePenalty);
