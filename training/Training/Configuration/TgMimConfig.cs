namespace VfeTps.Stream.Training.Configuration;

/// <summary>Text guided masked image modelling (training only).</summary>
public sealed record TgMimConfig
{
    public bool Enabled { get; init; } = true;
    public double Weight { get; init; } = 1.0;

    /// <summary>Side of a square mask block in pixels; a multiple of the patch size.</summary>
    public required int MaskBlockSize { get; init; }
    public double MaskRatio { get; init; } = 0.6;
    public MaskTokenKind MaskToken { get; init; } = MaskTokenKind.Learned;
    public required int CrossAttentionHeads { get; init; }
    public int DecoderLayers { get; init; } = 4;

    /// <summary>
    /// Adds the masked image tokens back after cross-attention. The paper (eq. 1) has no such
    /// residual, so the default is off; the switch exists for ablations.
    /// </summary>
    public bool CrossAttentionResidual { get; init; }

    /// <summary>
    /// Text (TG-MIM, the paper) or None: the decoder sees the masked image tokens only, a
    /// SimMIM-style image-only control for the ablation.
    /// </summary>
    public MaskedModellingGuidance Guidance { get; init; } = MaskedModellingGuidance.Text;

    internal void Validate(ImageTowerConfig image, int embeddingSize)
    {
        ConfigGuard.DivisibleBy(MaskBlockSize, image.PatchSize, "TG-MIM mask block size", "patch size");
        ConfigGuard.DivisibleBy(image.Height, MaskBlockSize, "image height", "TG-MIM mask block size");
        ConfigGuard.DivisibleBy(image.Width, MaskBlockSize, "image width", "TG-MIM mask block size");
        ConfigGuard.DivisibleBy(embeddingSize, CrossAttentionHeads, "embedding size", "TG-MIM head count");
        if (MaskRatio is <= 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(MaskRatio), MaskRatio, "TG-MIM mask ratio must lie strictly between 0 and 1.");
        ConfigGuard.Positive(DecoderLayers, nameof(DecoderLayers));
    }
}
