using VfeTps.Stream.Onnx;

namespace VfeTps.Stream.Inference.Tests;

/// <summary>How a stand-in image tower behaves; everything but <see cref="Good"/> is a way to be broken.</summary>
public enum ImageTowerKind
{
    Good,
    Collapsed,
    NaN,
    Unnormalised,
    BatchDependent,
    WrongInputName,
}

/// <summary>How a stand-in text tower behaves.</summary>
public enum TextTowerKind
{
    Good,
    Collapsed,
    NaN,
    Unnormalised,
}

/// <summary>
/// Small ONNX graphs with the towers' contract, written with <see cref="OnnxGraphBuilder"/>: an image
/// tower Flatten → MatMul → LpNormalization and a text tower Gather (token embedding table) →
/// ReduceSum over tokens → LpNormalization, plus deliberately broken variants. Weights come from a
/// seed, so two seeds give two different models.
/// </summary>
internal static class StandInTowers
{
    public static byte[] Image(int height, int width, int embeddingSize, int seed, ImageTowerKind kind = ImageTowerKind.Good)
    {
        var graph = new OnnxGraphBuilder("stand-in-image-tower");
        var inputName = kind == ImageTowerKind.WrongInputName ? "images" : "pixels";
        var pixels = graph.Input(inputName, OnnxElementType.Float, OnnxDimension.Dynamic("batch"), 3, height, width);
        var flat = graph.Node("Flatten", "flatten", [pixels], OnnxAttribute.Int("axis", 1));
        var features = 3 * height * width;
        var weights = kind == ImageTowerKind.Collapsed ? new float[features * embeddingSize] : Weights(features * embeddingSize, seed);
        var projected = graph.Node("MatMul", "project", [flat, graph.Initializer("projection", weights, features, embeddingSize)]);
        projected = kind switch
        {
            // Every crop gives the bias: the failure the probe exists for.
            ImageTowerKind.Collapsed => graph.Node("Add", "bias", [projected, graph.Initializer("bias_value", Weights(embeddingSize, seed + 1), embeddingSize)]),
            ImageTowerKind.NaN => graph.Node("Add", "poison", [projected, graph.Node("Sqrt", "sqrt_of_minus_one", [graph.Initializer("minus_one", [-1f])])]),
            ImageTowerKind.BatchDependent => graph.Node("Add", "add_batch_mean", [projected, graph.Node("Mul", "half_batch_mean", [
                graph.Node("ReduceMean", "batch_mean", [projected, graph.Initializer("batch_axis", [0L], 1)], OnnxAttribute.Int("keepdims", 1)),
                graph.Initializer("half", [0.5f])])]),
            _ => projected,
        };
        var embedding = kind == ImageTowerKind.Unnormalised ? projected : Normalize(graph, projected);
        graph.Node("Identity", "embedding", [embedding]);
        graph.Output("embedding", OnnxElementType.Float, OnnxDimension.Dynamic("batch"), embeddingSize);
        return graph.ToBytes(new OnnxModelInfo());
    }

    public static byte[] Text(int vocabularySize, int embeddingSize, int seed, TextTowerKind kind = TextTowerKind.Good)
    {
        var graph = new OnnxGraphBuilder("stand-in-text-tower");
        var tokens = graph.Input("token_ids", OnnxElementType.Int64, OnnxDimension.Dynamic("batch"), OnnxDimension.Dynamic("tokens"));
        var table = Weights(vocabularySize * embeddingSize, seed + 1000);
        if (kind == TextTowerKind.Collapsed)
            Array.Fill(table, 0.25f);
        var embedded = graph.Node("Gather", "token_embedding", [graph.Initializer("token_table", table, vocabularySize, embeddingSize), tokens]);
        var pooled = graph.Node("ReduceSum", "pool", [embedded, graph.Initializer("token_axis", [1L], 1)], OnnxAttribute.Int("keepdims", 0));
        if (kind == TextTowerKind.NaN)
            pooled = graph.Node("Div", "divide_by_zero", [pooled, graph.Initializer("zero", [0f])]);
        var embedding = kind == TextTowerKind.Unnormalised ? pooled : Normalize(graph, pooled);
        graph.Node("Identity", "embedding", [embedding]);
        graph.Output("embedding", OnnxElementType.Float, OnnxDimension.Dynamic("batch"), embeddingSize);
        return graph.ToBytes(new OnnxModelInfo());
    }

    /// <summary>Uniform weights in [−1, 1) from a seed.</summary>
    public static float[] Weights(int count, int seed)
    {
        var random = new Random(seed);
        var values = new float[count];
        for (var i = 0; i < count; i++)
            values[i] = (float)((random.NextDouble() * 2) - 1);
        return values;
    }

    private static string Normalize(OnnxGraphBuilder graph, string value) =>
        graph.Node("LpNormalization", "normalize", [value], OnnxAttribute.Int("axis", -1), OnnxAttribute.Int("p", 2));
}
