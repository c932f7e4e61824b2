using TorchSharp.Modules;
using VfeTps.Stream.Training.Configuration;
using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Models;

/// <summary>
/// CLIP's vision transformer (OpenAI parameter names): bias-free patch convolution, class token,
/// learned positions for this model's patch grid, ln_pre, pre-LN blocks, ln_post, projection.
/// An optional patch mask replaces masked patch embeddings (TG-MIM's second pass).
/// </summary>
public sealed class ImageTower : nn.Module<Tensor, Tensor?, TowerOutput>
{
    private readonly Conv2d conv1;
    private readonly Parameter class_embedding;
    private readonly Parameter positional_embedding;
    private readonly LayerNorm ln_pre;
    private readonly Transformer transformer;
    private readonly LayerNorm ln_post;
    private readonly Parameter proj;
    private readonly Parameter? mask_token;

    public ImageTower(string name, ImageTowerConfig config, int embeddingSize, MaskTokenKind? maskToken) : base(name)
    {
        Config = config;
        var width = config.ModelWidth;
        var scale = Math.Pow(width, -0.5);
        conv1 = nn.Conv2d(3, width, config.PatchSize, stride: config.PatchSize, bias: false);
        class_embedding = nn.Parameter(randn(width) * scale);
        positional_embedding = nn.Parameter(randn(config.PatchCount + 1, width) * scale);
        ln_pre = nn.LayerNorm(width);
        transformer = new Transformer("transformer", width, config.Layers, config.Heads, causal: false);
        ln_post = nn.LayerNorm(width);
        proj = nn.Parameter(randn(width, embeddingSize) * scale);
        if (maskToken == MaskTokenKind.Learned)
            mask_token = nn.Parameter(nn.init.trunc_normal_(zeros(1, 1, width), std: 0.02));
        RegisterComponents();
    }

    public ImageTowerConfig Config { get; }

    /// <param name="pixels">Normalised images [B, 3, H, W].</param>
    /// <param name="patchMask">Null, or [B, patches] with 1 where a patch is masked.</param>
    public override TowerOutput forward(Tensor pixels, Tensor? patchMask)
    {
        using var scope = NewDisposeScope();
        var patches = conv1.call(pixels).flatten(2).transpose(1, 2); // [B, N, W]
        if (patchMask is not null)
        {
            var weight = patchMask.unsqueeze(-1).to_type(patches.dtype);
            patches = patches * weight.Subtracted(1);
            if (mask_token is not null)
                patches = patches + (mask_token * weight);
        }
        var classToken = class_embedding.to_type(patches.dtype).expand(patches.shape[0], 1, -1);
        var x = cat([classToken, patches], 1) + positional_embedding;
        x = ln_post.call(transformer.call(ln_pre.call(x)));
        var tokens = x.matmul(proj);
        var global = tokens[.., 0];
        return new TowerOutput(global.MoveToOuterDisposeScope(), tokens.MoveToOuterDisposeScope());
    }
}
