using TorchSharp.Modules;
using VfeTps.Stream.Training.Configuration;
using VfeTps.Stream.Training.Losses;
using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Models;

/// <summary>
/// VFE-TPS: the two CLIP towers (the only parts that run in production) plus the training-only
/// TG-MIM decoder. Parameter names follow OpenAI CLIP under <c>visual.</c> and <c>text.</c>.
/// </summary>
public sealed class VfeTpsModel : nn.Module
{
    private readonly ImageTower visual;
    private readonly TextTower text;
    private readonly TgMimDecoder? tgmim;
    private readonly Linear? id_head;
    private readonly BlockMask? _blockMask;

    public VfeTpsModel(ModelConfig config) : base("vfetps")
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config.Validated();
        var maskToken = config.TgMim.Enabled ? config.TgMim.MaskToken : (MaskTokenKind?)null;
        visual = new ImageTower("visual", config.Image, config.EmbeddingSize, maskToken);
        text = new TextTower("text", config.Text, config.EmbeddingSize);
        if (config.TgMim.Enabled)
        {
            tgmim = new TgMimDecoder("tgmim", config.Image, config.EmbeddingSize, config.TgMim);
            _blockMask = new BlockMask(config.Image, config.TgMim);
        }
        if (config.IdentityClassifier.Enabled)
            id_head = nn.Linear(config.EmbeddingSize, config.IdentityClassifier.Identities);
        RegisterComponents();
    }

    public ModelConfig Config { get; }

    public ImageTower ImageTower => visual;

    public TextTower TextTower => text;

    /// <summary>The training objective for one batch (paper eq. 10, with per-task weights).</summary>
    public LossTerms ComputeLosses(TrainingBatch batch, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var scope = NewDisposeScope();
        using var image = visual.call(batch.Images, null);
        using var caption = text.call(batch.TokenIds);

        var cmpm = CmpmLoss.Compute(image.Global, caption.Global, batch.Identities, Config.Cmpm.Temperature, Config.Cmpm.Epsilon);
        var total = cmpm;

        Tensor? tgMim = null;
        if (tgmim is not null && _blockMask is not null)
        {
            var patchMask = _blockMask.SamplePatchMask(batch.Images.shape[0], generator, batch.Images.device);
            using var masked = visual.call(batch.Images, patchMask);
            var reconstruction = tgmim.call(masked.Tokens, caption.Tokens);
            tgMim = MaskedPixelLoss.Compute(reconstruction, batch.Images, _blockMask.ToPixels(patchMask));
            total = total + tgMim.Times(Config.TgMim.Weight);
        }

        Tensor? isGvfc = null;
        if (Config.IsGvfc.Enabled)
        {
            isGvfc = IsGvfcLoss.Compute(
                image.Global, batch.Identities, Config.IsGvfc.SampleSize, Config.IsGvfc.Temperature, Config.Cmpm.Epsilon, generator);
            total = total + isGvfc.Times(Config.IsGvfc.Weight);
        }

        Tensor? identity = null;
        if (id_head is not null)
        {
            identity = nn.functional.cross_entropy(id_head.call(image.Global), batch.Identities);
            total = total + identity.Times(Config.IdentityClassifier.Weight);
        }

        return new LossTerms(total.MoveToOuterDisposeScope(), cmpm.MoveToOuterDisposeScope(), tgMim?.MoveToOuterDisposeScope(),
            isGvfc?.MoveToOuterDisposeScope(), identity?.MoveToOuterDisposeScope());
    }

    /// <summary>L2-normalised image embeddings [B, E] (inference).</summary>
    public Tensor EmbedImages(Tensor pixels)
    {
        using var output = visual.call(pixels, null);
        return nn.functional.normalize(output.Global, dim: 1);
    }

    /// <summary>L2-normalised caption embeddings [B, E] (inference).</summary>
    public Tensor EmbedTexts(Tensor tokenIds)
    {
        using var output = text.call(tokenIds);
        return nn.functional.normalize(output.Global, dim: 1);
    }
}
