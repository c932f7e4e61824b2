namespace VfeTps.Stream.Evaluation;

/// <summary>The JSON shape of an <see cref="EvaluationReport"/>.</summary>
/// <param name="Name">Report name.</param>
/// <param name="Metrics">Retrieval metrics.</param>
/// <param name="Silhouette">Silhouette of the image features, null when not computed.</param>
/// <param name="Context">Free-form facts about the run (checkpoint, data set, …), sorted by key.</param>
public sealed record EvaluationReportDocument(
    string Name,
    RetrievalMetrics Metrics,
    double? Silhouette,
    IReadOnlyDictionary<string, string> Context);
