using VfeTps.Stream.Onnx;

namespace VfeTps.Stream.PersonCrop.Tests.Support;

/// <summary>Small YOLO-shaped ONNX graphs written by the tests (no real detector weights exist here).</summary>
internal static class YoloTestModels
{
    /// <summary>
    /// A head that always outputs <paramref name="head"/> ([1, channels, anchors], given row-major as
    /// channels × anchors) plus 0 × mean(images), so the output depends on the input as a real model's does.
    /// </summary>
    public static string ConstantHead(TempDirectory directory, int inputSize, float[,] head, string name = "constant-head.onnx")
    {
        var channels = head.GetLength(0);
        var anchors = head.GetLength(1);
        var graph = new OnnxGraphBuilder("yolo-constant-head");
        var images = graph.Input("images", OnnxElementType.Float, 1, 3, inputSize, inputSize);
        var values = head.Cast<float>().ToArray();
        var constant = graph.Initializer("head", values, 1, channels, anchors);
        var mean = graph.Node("ReduceMean", "mean", [images], OnnxAttribute.Int("keepdims", 0));
        var zero = graph.Initializer("zero", [0f]);
        var nothing = graph.Node("Mul", "nothing", [mean, zero]);
        graph.Node("Add", "output0", [constant, nothing]);
        graph.Output("output0", OnnxElementType.Float, 1, channels, anchors);
        return Write(directory, name, graph);
    }

    /// <summary>
    /// One anchor with a fixed box whose person score is the mean of the input's first (red) channel:
    /// it shows what the detector feeds the model (RGB order, 0..1 scale, grey letterbox padding).
    /// </summary>
    public static string RedMeanScore(TempDirectory directory, int inputSize, float cx, float cy, float w, float h)
    {
        var graph = new OnnxGraphBuilder("yolo-red-mean");
        var images = graph.Input("images", OnnxElementType.Float, 1, 3, inputSize, inputSize);
        var red = graph.Node("Slice", "red", [images, graph.Initializer("starts", [0L], 1), graph.Initializer("ends", [1L], 1), graph.Initializer("axes", [1L], 1)]);
        var mean = graph.Node("ReduceMean", "mean", [red], OnnxAttribute.Int("keepdims", 0));
        var score = graph.Node("Reshape", "score", [mean, graph.Initializer("shape", [1L, 1L, 1L], 3)]);
        var boxes = graph.Initializer("boxes", [cx, cy, w, h], 1, 4, 1);
        graph.Node("Concat", "output0", [boxes, score], OnnxAttribute.Int("axis", 1));
        graph.Output("output0", OnnxElementType.Float, 1, 5, 1);
        return Write(directory, "red-mean.onnx", graph);
    }

    /// <summary>A model whose output is [1, 3, 4]: too few channels for boxes and a class.</summary>
    public static string TooFewChannels(TempDirectory directory, int inputSize)
    {
        var graph = new OnnxGraphBuilder("not-yolo");
        var images = graph.Input("images", OnnxElementType.Float, 1, 3, inputSize, inputSize);
        var mean = graph.Node("ReduceMean", "mean", [images], OnnxAttribute.Int("keepdims", 0));
        graph.Node("Add", "output0", [graph.Initializer("constant", new float[12], 1, 3, 4), mean]);
        graph.Output("output0", OnnxElementType.Float, 1, 3, 4);
        return Write(directory, "too-few-channels.onnx", graph);
    }

    /// <summary>A classifier-like model: input [1, 10], not an image.</summary>
    public static string NotAnImageModel(TempDirectory directory)
    {
        var graph = new OnnxGraphBuilder("not-an-image-model");
        var x = graph.Input("x", OnnxElementType.Float, 1, 10);
        graph.Node("Identity", "y", [x]);
        graph.Output("y", OnnxElementType.Float, 1, 10);
        return Write(directory, "not-an-image-model.onnx", graph);
    }

    private static string Write(TempDirectory directory, string name, OnnxGraphBuilder graph)
    {
        var path = directory.PathOf(name);
        File.WriteAllBytes(path, graph.ToBytes(new OnnxModelInfo()));
        return path;
    }
}
