using VfeTps.Stream.Evaluation;

namespace VfeTps.Stream.Training.Trainer;

/// <summary>Retrieval metrics plus the gallery's image features (for silhouette and projections).</summary>
public sealed record ProbeResult(RetrievalMetrics Metrics, EmbeddingMatrix ImageFeatures, IReadOnlyList<int> ImagePersonIds);
