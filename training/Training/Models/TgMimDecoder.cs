using TorchSharp.Modules;
using VfeTps.Stream.Training.Configuration;
using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Models;

/// <summary>
/// TG-MIM's pixel decoder (training only). One multi-head cross-attention layer takes the masked
/// image tokens as query and the text tokens as key and value (the paper's eq. 1; the released
/// code wrongly passed image tokens as key/value too), then transformer layers, a LayerNorm, and a
/// 1×1 convolution + PixelShuffle that turn each patch token back into patch×patch×3 pixels.
/// </summary>
public sealed class TgMimDecoder : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly LayerNorm ln_image;
    private readonly LayerNorm ln_text;
    private readonly MultiHeadAttention cross_attn;
    private readonly Transformer cross_modal_transformer;
    private readonly LayerNorm ln_post;
    private readonly Conv2d pixel_head;
    private readonly ImageTowerConfig _image;
    private readonly bool _residual;
    private readonly bool _textGuided;

    public TgMimDecoder(string name, ImageTowerConfig image, int embeddingSize, TgMimConfig config) : base(name)
    {
        _image = image;
        _residual = config.CrossAttentionResidual;
        _textGuided = config.Guidance == MaskedModellingGuidance.Text;
        ln_image = nn.LayerNorm(embeddingSize);
        ln_text = nn.LayerNorm(embeddingSize);
        cross_attn = new MultiHeadAttention("cross_attn", embeddingSize, config.CrossAttentionHeads);
        cross_modal_transformer = new Transformer(
            "cross_modal_transformer", embeddingSize, config.DecoderLayers, config.CrossAttentionHeads, causal: false);
        ln_post = nn.LayerNorm(embeddingSize);
        pixel_head = nn.Conv2d(embeddingSize, image.PatchSize * image.PatchSize * 3, 1);
        RegisterComponents();
    }

    /// <param name="imageTokens">Masked pass of the image tower, [B, 1 + patches, E].</param>
    /// <param name="textTokens">Text tower tokens, [B, L, E] (all positions, as in the reference code).</param>
    /// <returns>Reconstructed normalised pixels [B, 3, H, W].</returns>
    public override Tensor forward(Tensor imageTokens, Tensor textTokens)
    {
        using var scope = NewDisposeScope();
        var query = ln_image.call(imageTokens);
        Tensor x;
        if (_textGuided)
        {
            x = cross_attn.call(query, ln_text.call(textTokens), false);
            if (_residual)
                x = x + imageTokens;
        }
        else
        {
            x = query; // image-only control: the decoder layers see the masked image context alone
        }
        x = ln_post.call(cross_modal_transformer.call(x));
        var patches = x[.., 1..]; // the class token has no pixels
        var grid = patches.transpose(1, 2).reshape(x.shape[0], x.shape[2], _image.GridHeight, _image.GridWidth);
        var pixels = nn.functional.pixel_shuffle(pixel_head.call(grid), _image.PatchSize);
        return pixels.MoveToOuterDisposeScope();
    }
}
