using VfeTps.Stream.Onnx;
using VfeTps.Stream.Training.Models;
using static TorchSharp.torch;

namespace VfeTps.Stream.Export;

/// <summary>
/// The text tower as an ONNX graph: token ids [batch, tokens] → token and position embeddings →
/// causally masked blocks → ln_final → the end-of-text token's feature (the largest id of each row)
/// · text_projection → L2-normalised embedding [batch, D]. Rows may be shorter than the context
/// length; positions and the causal mask are sliced to the row length as in TorchSharp.
/// </summary>
public static class TextTowerGraph
{
    public static OnnxGraphBuilder Build(VfeTpsModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var config = model.Config.Text;
        var width = config.ModelWidth;
        var context = config.ContextLength;
        var graph = new OnnxGraphBuilder("vfetps_text_tower");
        using var scope = NewDisposeScope();
        var emit = new TransformerGraphEmitter(graph, new TowerWeights(model.state_dict(), "text."), "text.");

        var ids = graph.Input(TowerGraphNames.TokenIds, OnnxElementType.Int64,
            OnnxDimension.Dynamic(TowerGraphNames.BatchAxis), OnnxDimension.Dynamic(TowerGraphNames.TokenAxis));
        var embedded = emit.Node("Gather", "token_embedding", [emit.Parameter("token_embedding.weight"), ids], OnnxAttribute.Int("axis", 0));
        var length = emit.Node("Shape", "token_count", [ids], OnnxAttribute.Int("start", 1), OnnxAttribute.Int("end", 2)); // [1]
        var positions = emit.Node("Slice", "positions",
            [emit.Parameter("positional_embedding"), emit.Constant("positions_start", 0), length, emit.Constant("positions_axis", 0)]);
        var x = emit.Node("Add", "positioned", [embedded, positions]);

        var mask = emit.Node("Slice", "causal_mask",
            [graph.Initializer("text.causal_mask_full", CausalMask(context), context, context),
             emit.Constant("causal_mask_start", 0, 0),
             emit.Node("Concat", "causal_mask_end", [length, length], OnnxAttribute.Int("axis", 0)),
             emit.Constant("causal_mask_axes", 0, 1)]);
        for (var layer = 0; layer < config.Layers; layer++)
            x = emit.ResidualBlock(layer, x, width, config.Heads, mask);
        x = emit.LayerNorm("ln_final", x);

        // Pool the end-of-text position with a one-hot row: [B, 1, T] · [B, T, W] → [B, 1, W].
        var endOfText = emit.Node("ArgMax", "end_of_text", [ids], OnnxAttribute.Int("axis", 1), OnnxAttribute.Int("keepdims", 1)); // [B, 1]
        var tokenCount = emit.Node("Squeeze", "token_count_scalar", [length]);
        var positionIndex = emit.Node("Range", "position_index", [emit.ScalarConstant("range_start", 0L), tokenCount, emit.ScalarConstant("range_step", 1L)]);
        var isEndOfText = emit.Node("Equal", "is_end_of_text", [positionIndex, endOfText]); // [B, T]
        var selector = emit.Node("Cast", "end_of_text_selector", [isEndOfText], OnnxAttribute.Int("to", (long)OnnxElementType.Float));
        var selectorRow = emit.Node("Unsqueeze", "end_of_text_row", [selector, emit.Constant("row_axis", 1)]);
        var pooled = emit.Node("MatMul", "end_of_text_feature", [selectorRow, x]);
        var global = emit.Node("Reshape", "global_feature", [pooled, emit.Constant("global_shape", 0, width)]);
        var projected = emit.Node("MatMul", "projected", [global, emit.Parameter("text_projection")]);
        graph.Node("LpNormalization", TowerGraphNames.Embedding, [projected], OnnxAttribute.Int("axis", -1), OnnxAttribute.Int("p", 2));
        graph.Output(TowerGraphNames.Embedding, OnnxElementType.Float, OnnxDimension.Dynamic(TowerGraphNames.BatchAxis), model.Config.EmbeddingSize);
        return graph;
    }

    // Additive mask: 0 on and below the diagonal, −∞ above it (what SDPA's causal flag does).
    private static float[] CausalMask(int size)
    {
        var mask = new float[size * size];
        for (var row = 0; row < size; row++)
        {
            for (var column = row + 1; column < size; column++)
                mask[(row * size) + column] = float.NegativeInfinity;
        }
        return mask;
    }
}
