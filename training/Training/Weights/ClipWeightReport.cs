namespace VfeTps.Stream.Training.Weights;

/// <summary>What loading CLIP weights did, for logs and the model card.</summary>
/// <param name="LoadedTensors">Model tensors overwritten from the file.</param>
/// <param name="IgnoredKeys">File keys deliberately not used, each with the reason.</param>
/// <param name="FreshlyInitialised">Model tensors that CLIP does not have (training-only parts).</param>
/// <param name="PositionGrid">The position table's resize, e.g. "14×14 → 24×8", or null if none was needed.</param>
public sealed record ClipWeightReport(
    int LoadedTensors,
    IReadOnlyList<string> IgnoredKeys,
    IReadOnlyList<string> FreshlyInitialised,
    string? PositionGrid);
