using Microsoft.ML.OnnxRuntime;
using VfeTps.Stream.Inference;
using VfeTps.Stream.Onnx;
using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Cli.Benchmarks;

/// <summary>
/// This machine's practical float32 peak: a large square matrix product through libtorch's BLAS
/// and through ONNX Runtime's own kernels (MLAS), on all threads; the faster of the two is the
/// yardstick. Both are measured because either library can miss the CPU's best instructions
/// (libtorch's BLAS, for one, runs a slower path on some AMD processors).
/// </summary>
internal static class MatrixMultiplyPeak
{
    private const int Size = 2048;
    private const double FlopsPerProduct = 2.0 * Size * Size * Size;

    public static (double Torch, double Onnx) MeasureGflops(TimeSpan minTime)
    {
        double torchRate;
        using (var scope = NewDisposeScope())
        {
            var a = randn(Size, Size);
            var b = randn(Size, Size);
            torchRate = ThroughputMeter.ItemsPerSecond(1, () => a.matmul(b).Dispose(), minTime);
        }

        var graph = new OnnxGraphBuilder("matmul_peak");
        var x = graph.Input("a", OnnxElementType.Float, Size, Size);
        var weights = new float[Size * Size];
        var random = new Random(1);
        for (var i = 0; i < weights.Length; i++)
            weights[i] = (float)random.NextDouble();
        graph.Node("MatMul", "product", [x, graph.Initializer("b", weights, Size, Size)]);
        graph.Output("product", OnnxElementType.Float, Size, Size);
        using var session = new InferenceSession(graph.ToBytes(new OnnxModelInfo()));
        using var input = OrtValue.CreateTensorValueFromMemory(weights, [Size, Size]);
        using var runOptions = new RunOptions();
        var onnxRate = ThroughputMeter.ItemsPerSecond(1, () =>
        {
            using var outputs = session.Run(runOptions, ["a"], [input], ["product"]);
        }, minTime);
        return (torchRate * FlopsPerProduct / 1e9, onnxRate * FlopsPerProduct / 1e9);
    }
}
