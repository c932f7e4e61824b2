using VfeTps.Stream.Preprocessing;

namespace VfeTps.Stream.Inference;

/// <summary>
/// The manifest's <c>image</c> section: where the image tower is, what its input and output are
/// called, and how crops are preprocessed for it (size and per-channel statistics from training).
/// </summary>
public sealed record ImageTowerManifest
{
    /// <summary>The tower's file name in a bundle written by <see cref="ModelBundleWriter"/>.</summary>
    public const string DefaultFile = "image-tower.onnx";

    /// <summary>The tower's ONNX file, relative to the bundle folder, '/'-separated.</summary>
    public string File { get; init; } = DefaultFile;

    /// <summary>The input: float [batch, 3, Height, Width], normalised CHW.</summary>
    public string Input { get; init; } = "pixels";

    /// <summary>The output: float [batch, D], L2-normalised.</summary>
    public string Output { get; init; } = "embedding";

    /// <summary>Input rows, 1 to <see cref="BundleManifest.MaxImageSide"/>.</summary>
    public required int Height { get; init; }

    /// <summary>Input columns, 1 to <see cref="BundleManifest.MaxImageSide"/>.</summary>
    public required int Width { get; init; }

    /// <summary>Per-channel means on the 0–1 scale, R, G, B.</summary>
    public required RgbTriplet Mean { get; init; }

    /// <summary>Per-channel standard deviations on the 0–1 scale, R, G, B; positive.</summary>
    public required RgbTriplet Std { get; init; }

    /// <summary>The normalisation training applied, for <see cref="ImagePreprocessor"/>.</summary>
    public ImageNormalization Normalization => new(Mean, Std);
}
