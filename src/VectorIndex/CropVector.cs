namespace VfeTps.Stream.VectorIndex;

/// <summary>One point of the index: point id = crop id, so writing a crop again replaces it.</summary>
public sealed record CropVector(string CropId, float[] Vector, CropPayload Payload);
