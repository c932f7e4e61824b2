using VfeTps.Stream.Inference;

namespace VfeTps.Stream.Export;

/// <summary>A bundle that was written, loaded back and found sound.</summary>
public sealed record PublishedModel(string Directory, string ModelVersion, ParityResult ImageParity, ParityResult TextParity);
