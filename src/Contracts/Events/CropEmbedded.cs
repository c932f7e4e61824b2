namespace VfeTps.Stream.Contracts;

/// <summary>A crop's embedding was written to the vector index (Embedder → watchlists, latency metrics).</summary>
/// <param name="Crop">The crop event it came from.</param>
/// <param name="ModelVersion">The model version whose image tower made the vector.</param>
/// <param name="Vector">The L2-normalised embedding.</param>
/// <param name="IndexedAt">When the vector became searchable (wall clock).</param>
public sealed record CropEmbedded(PersonCropped Crop, string ModelVersion, float[] Vector, DateTimeOffset IndexedAt);
