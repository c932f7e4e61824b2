using TorchSharp.Modules;
using VfeTps.Stream.Training.Configuration;
using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Models;

/// <summary>
/// CLIP's text transformer: token and position embeddings, causally masked blocks, ln_final and
/// text_projection. The global feature is the end-of-text token's (the largest id in each row,
/// since end-of-text is the last id of a CLIP vocabulary).
/// </summary>
public sealed class TextTower : nn.Module<Tensor, TowerOutput>
{
    private readonly Embedding token_embedding;
    private readonly Parameter positional_embedding;
    private readonly Transformer transformer;
    private readonly LayerNorm ln_final;
    private readonly Parameter text_projection;

    public TextTower(string name, TextTowerConfig config, int embeddingSize) : base(name)
    {
        Config = config;
        var width = config.ModelWidth;
        token_embedding = nn.Embedding(config.VocabularySize, width);
        positional_embedding = nn.Parameter(empty(config.ContextLength, width));
        transformer = new Transformer("transformer", width, config.Layers, config.Heads, causal: true);
        ln_final = nn.LayerNorm(width);
        text_projection = nn.Parameter(empty(width, embeddingSize));
        // CLIP's initialisation.
        nn.init.normal_(token_embedding.weight!, std: 0.02);
        nn.init.normal_(positional_embedding, std: 0.01);
        nn.init.normal_(text_projection, std: Math.Pow(width, -0.5));
        RegisterComponents();
    }

    public TextTowerConfig Config { get; }

    /// <param name="tokenIds">[B, L] int64, L ≤ context length, zero-padded after end-of-text.</param>
    public override TowerOutput forward(Tensor tokenIds)
    {
        using var scope = NewDisposeScope();
        var length = tokenIds.shape[1];
        var x = token_embedding.call(tokenIds) + positional_embedding[..(int)length];
        x = ln_final.call(transformer.call(x));
        var tokens = x.matmul(text_projection);
        var endOfText = tokenIds.argmax(-1);
        var global = tokens[arange(tokens.shape[0], device: tokens.device), endOfText];
        return new TowerOutput(global.MoveToOuterDisposeScope(), tokens.MoveToOuterDisposeScope());
    }
}
