namespace VfeTps.Stream.Evaluation;

/// <summary>The aggregate metrics together with every query's ranking.</summary>
/// <param name="Metrics">The aggregate metrics.</param>
/// <param name="Queries">One entry per query, in query order.</param>
public sealed record RetrievalEvaluation(RetrievalMetrics Metrics, IReadOnlyList<QueryRanking> Queries);
