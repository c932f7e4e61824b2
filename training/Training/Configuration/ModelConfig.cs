namespace VfeTps.Stream.Training.Configuration;

/// <summary>
/// Everything that defines a VFE-TPS model: both towers, the joint embedding, and the training
/// objectives. <see cref="Paper"/> is CLIP ViT-B/16 at 384×128 as in the paper; <see cref="Tiny"/>
/// trains on two CPU cores in minutes.
/// </summary>
public sealed record ModelConfig
{
    public required string Name { get; init; }
    public required int EmbeddingSize { get; init; }
    public required ImageTowerConfig Image { get; init; }
    public required TextTowerConfig Text { get; init; }
    public required TgMimConfig TgMim { get; init; }
    public IsGvfcConfig IsGvfc { get; init; } = new();
    public CmpmConfig Cmpm { get; init; } = new();
    public IdentityClassifierConfig IdentityClassifier { get; init; } = new();

    /// <summary>CLIP ViT-B/16 with a 24×8 patch grid (384×128 input), text 12 layers × 512.</summary>
    public static ModelConfig Paper { get; } = new()
    {
        Name = "paper",
        EmbeddingSize = 512,
        Image = new() { Height = 384, Width = 128, PatchSize = 16, ModelWidth = 768, Layers = 12, Heads = 12 },
        Text = new() { ContextLength = 77, VocabularySize = 49408, ModelWidth = 512, Layers = 12, Heads = 8 },
        TgMim = new() { MaskBlockSize = 32, CrossAttentionHeads = 8 },
    };

    /// <summary>A small model with the same structure, for CPU training and for tests.</summary>
    public static ModelConfig Tiny { get; } = new()
    {
        Name = "tiny",
        EmbeddingSize = 128,
        Image = new() { Height = 96, Width = 32, PatchSize = 8, ModelWidth = 128, Layers = 4, Heads = 4 },
        Text = new() { ContextLength = 77, VocabularySize = 4096, ModelWidth = 128, Layers = 4, Heads = 4 },
        TgMim = new() { MaskBlockSize = 16, CrossAttentionHeads = 4 },
    };

    /// <summary>A named configuration ("paper" or "tiny").</summary>
    public static ModelConfig ByName(string name) => name.ToLowerInvariant() switch
    {
        "paper" => Paper,
        "tiny" => Tiny,
        _ => throw new ArgumentException($"Unknown model configuration '{name}'. Known: paper, tiny.", nameof(name)),
    };

    /// <summary>Throws with a message naming the first inconsistent setting.</summary>
    public ModelConfig Validated()
    {
        ConfigGuard.Positive(EmbeddingSize, nameof(EmbeddingSize));
        Image.Validate();
        Text.Validate();
        TgMim.Validate(Image, EmbeddingSize);
        IsGvfc.Validate();
        Cmpm.Validate();
        IdentityClassifier.Validate();
        return this;
    }
}
