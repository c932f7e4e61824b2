namespace VfeTps.Stream.VectorIndex;

/// <summary>A crop found by a query, with its cosine similarity to the query vector.</summary>
public sealed record VectorHit(string CropId, float Score, CropPayload Payload);
