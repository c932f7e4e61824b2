namespace VfeTps.Stream.Inference;

/// <summary>The manifest's <c>text</c> section: where the text tower is and how many token slots it is fed.</summary>
public sealed record TextTowerManifest
{
    /// <summary>The tower's file name in a bundle written by <see cref="ModelBundleWriter"/>.</summary>
    public const string DefaultFile = "text-tower.onnx";

    /// <summary>The tower's ONNX file, relative to the bundle folder, '/'-separated.</summary>
    public string File { get; init; } = DefaultFile;

    /// <summary>The input: int64 [batch, tokens], start marker, BPE ids, end marker, zero padding.</summary>
    public string Input { get; init; } = "token_ids";

    /// <summary>The output: float [batch, D], L2-normalised.</summary>
    public string Output { get; init; } = "embedding";

    /// <summary>Token slots per text, markers included (77 for CLIP), 2 to <see cref="BundleManifest.MaxContextLength"/>; every text is padded to it.</summary>
    public required int ContextLength { get; init; }
}
