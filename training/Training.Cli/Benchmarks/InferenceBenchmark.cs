using Microsoft.ML.OnnxRuntime;
using VfeTps.Stream.Export;
using VfeTps.Stream.Inference;
using VfeTps.Stream.Training.Configuration;
using VfeTps.Stream.Training.Models;
using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Cli.Benchmarks;

/// <summary>
/// Serving throughput of one configuration, ONNX Runtime (with the execution provider serving
/// would pick) against TorchSharp inference, on the same random weights and the same
/// preprocessed inputs in the same process: crops per second per batch size, queries per second,
/// achieved GFLOP/s against the machine's matrix-multiply peak, and peak memory.
/// </summary>
internal static class InferenceBenchmark
{
    public static IReadOnlyList<InferenceBenchResult> Run(ModelConfig config, IReadOnlyList<int> batches, double matmulPeakGflops,
        InferenceOptions options, TimeSpan minTime, TextWriter progress)
    {
        manual_seed(0);
        using var model = new VfeTpsModel(config);
        model.eval();
        var folder = Directory.CreateTempSubdirectory("vfetps-bench-");
        try
        {
            progress.WriteLine($"[{config.Name}] exporting towers…");
            var towers = TowerExport.Write(model, folder.FullName, "bench-" + config.Name);
            var largest = batches.Max();
            var generator = new Generator(1);
            using var pixelTensor = randn([largest, 3, config.Image.Height, config.Image.Width], generator: generator);
            var pixels = pixelTensor.data<float>().ToArray();
            var query = QueryRow(config);
            var flopsPerImage = TowerFlops.PerImage(config);
            var results = new List<InferenceBenchResult>
            {
                MeasureOnnx(config, towers, options, batches, pixels, query, flopsPerImage, matmulPeakGflops, minTime, progress),
                MeasureTorch(config, model, batches, pixels, query, flopsPerImage, matmulPeakGflops, minTime, progress),
            };
            return results;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static InferenceBenchResult MeasureOnnx(ModelConfig config, ExportedTowers towers, InferenceOptions options, IReadOnlyList<int> batches,
        float[] pixels, long[] query, double flopsPerImage, double peak, TimeSpan minTime, TextWriter progress)
    {
        PeakMemory.Reset();
        using var configuration = new ExecutionProviderSelector().Configure(options);
        using var image = new InferenceSession(towers.ImagePath, configuration.Options);
        using var text = new InferenceSession(towers.TextPath, configuration.Options);
        var runtime = $"ONNX Runtime ({configuration.Provider})";
        var rates = new SortedDictionary<int, double>();
        foreach (var batch in batches)
        {
            var input = pixels.AsMemory(0, batch * 3 * config.Image.Height * config.Image.Width);
            long[] shape = [batch, 3, config.Image.Height, config.Image.Width];
            rates[batch] = InferenceRate.ItemsPerSecond(batch, () => RunOnnx(image, TowerGraphNames.Pixels, input, shape), 3, minTime);
            progress.WriteLine($"[{config.Name}] {runtime}: batch {batch}: {rates[batch]:F1} crops/s");
        }
        var queries = InferenceRate.ItemsPerSecond(1, () => RunOnnx(text, TowerGraphNames.TokenIds, query.AsMemory(), [1, query.Length]), 3, minTime);
        progress.WriteLine($"[{config.Name}] {runtime}: {queries:F1} queries/s");
        return Result(config, runtime, rates, queries, flopsPerImage, peak);
    }

    private static InferenceBenchResult MeasureTorch(ModelConfig config, VfeTpsModel model, IReadOnlyList<int> batches,
        float[] pixels, long[] query, double flopsPerImage, double peak, TimeSpan minTime, TextWriter progress)
    {
        PeakMemory.Reset();
        const string runtime = "TorchSharp (CPU)";
        using var noGrad = no_grad();
        var rates = new SortedDictionary<int, double>();
        foreach (var batch in batches)
        {
            using var input = tensor(pixels.AsSpan(0, batch * 3 * config.Image.Height * config.Image.Width).ToArray(),
                [batch, 3, config.Image.Height, config.Image.Width]);
            rates[batch] = InferenceRate.ItemsPerSecond(batch, () => model.EmbedImages(input).Dispose(), 3, minTime);
            progress.WriteLine($"[{config.Name}] {runtime}: batch {batch}: {rates[batch]:F1} crops/s");
        }
        using var ids = tensor(query, [1, query.Length]);
        var queries = InferenceRate.ItemsPerSecond(1, () => model.EmbedTexts(ids).Dispose(), 3, minTime);
        progress.WriteLine($"[{config.Name}] {runtime}: {queries:F1} queries/s");
        return Result(config, runtime, rates, queries, flopsPerImage, peak);
    }

    private static InferenceBenchResult Result(ModelConfig config, string runtime, SortedDictionary<int, double> rates, double queries,
        double flopsPerImage, double peak)
    {
        var gflops = rates[rates.Keys.Max()] * flopsPerImage / 1e9;
        return new InferenceBenchResult(config.Name, runtime, rates, queries, gflops, gflops / peak, PeakMemory.ReadMebibytes());
    }

    private static void RunOnnx<T>(InferenceSession session, string inputName, Memory<T> input, long[] shape)
        where T : unmanaged
    {
        using var value = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, input, shape);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [inputName], [value], [TowerGraphNames.Embedding]);
    }

    /// <summary>A 40-token query (start, 38 words, end, padding), like a typical description.</summary>
    private static long[] QueryRow(ModelConfig config)
    {
        var vocabulary = config.Text.VocabularySize;
        var row = new long[config.Text.ContextLength];
        row[0] = vocabulary - 2;
        for (var i = 1; i <= 38; i++)
            row[i] = 1 + (i * 7919 % (vocabulary - 3));
        row[39] = vocabulary - 1;
        return row;
    }
}
