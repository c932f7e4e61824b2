using VfeTps.Stream.Onnx;
using VfeTps.Stream.Training.Models;
using static TorchSharp.torch;

namespace VfeTps.Stream.Export;

/// <summary>
/// The image tower as an ONNX graph: pixels [batch, 3, H, W] → patch convolution → class token and
/// positions → ln_pre → blocks → ln_post → class token · proj → L2-normalised embedding [batch, D].
/// The same computation as <see cref="VfeTpsModel.EmbedImages"/>; the mask token is training-only.
/// </summary>
public static class ImageTowerGraph
{
    public static OnnxGraphBuilder Build(VfeTpsModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var config = model.Config.Image;
        var width = config.ModelWidth;
        var graph = new OnnxGraphBuilder("vfetps_image_tower");
        using var scope = NewDisposeScope();
        var emit = new TransformerGraphEmitter(graph, new TowerWeights(model.state_dict(), "visual."), "visual.");

        var pixels = graph.Input(TowerGraphNames.Pixels, OnnxElementType.Float,
            OnnxDimension.Dynamic(TowerGraphNames.BatchAxis), 3, config.Height, config.Width);
        var patchGrid = emit.Node("Conv", "conv1", [pixels, emit.Parameter("conv1.weight")],
            OnnxAttribute.Ints("kernel_shape", config.PatchSize, config.PatchSize),
            OnnxAttribute.Ints("strides", config.PatchSize, config.PatchSize)); // [B, W, gh, gw]
        var flat = emit.Node("Reshape", "patches_flat", [patchGrid, emit.Constant("patches_flat_shape", 0, 0, -1)]);
        var patches = emit.Node("Transpose", "patches", [flat], OnnxAttribute.Ints("perm", 0, 2, 1)); // [B, N, W]

        var batch = emit.Node("Shape", "batch_size", [pixels], OnnxAttribute.Int("start", 0), OnnxAttribute.Int("end", 1));
        var classShape = emit.Node("Concat", "class_token_shape", [batch, emit.Constant("class_token_tail", 1, width)], OnnxAttribute.Int("axis", 0));
        var classToken = emit.Node("Expand", "class_token", [emit.Parameter("class_embedding", 1, 1, width), classShape]);
        var sequence = emit.Node("Concat", "tokens", [classToken, patches], OnnxAttribute.Int("axis", 1));
        var x = emit.Node("Add", "positioned", [sequence, emit.Parameter("positional_embedding")]);

        x = emit.LayerNorm("ln_pre", x);
        for (var layer = 0; layer < config.Layers; layer++)
            x = emit.ResidualBlock(layer, x, width, config.Heads, additiveMask: null);
        x = emit.LayerNorm("ln_post", x);

        var global = emit.Node("Gather", "class_output", [x, emit.ScalarConstant("class_index", 0L)], OnnxAttribute.Int("axis", 1));
        var projected = emit.Node("MatMul", "projected", [global, emit.Parameter("proj")]);
        graph.Node("LpNormalization", TowerGraphNames.Embedding, [projected], OnnxAttribute.Int("axis", -1), OnnxAttribute.Int("p", 2));
        graph.Output(TowerGraphNames.Embedding, OnnxElementType.Float, OnnxDimension.Dynamic(TowerGraphNames.BatchAxis), model.Config.EmbeddingSize);
        return graph;
    }
}
