using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Models;

/// <summary>One mini-batch of image–caption pairs: row i's caption describes row i's image.</summary>
/// <param name="Images">[B, 3, H, W] normalised pixels.</param>
/// <param name="TokenIds">[B, L] int64 caption tokens.</param>
/// <param name="Identities">[B] int64 identity labels, contiguous from 0 (the identity classifier indexes by them).</param>
public sealed record TrainingBatch(Tensor Images, Tensor TokenIds, Tensor Identities);
