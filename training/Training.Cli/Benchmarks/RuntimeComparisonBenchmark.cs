using Microsoft.ML.OnnxRuntime;
using VfeTps.Stream.Export;
using VfeTps.Stream.Inference;
using VfeTps.Stream.Training.Configuration;
using VfeTps.Stream.Training.Data;
using VfeTps.Stream.Training.Models;
using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Cli.Benchmarks;

/// <summary>
/// The towers alone, ONNX Runtime (with the execution provider serving would pick) against
/// TorchSharp inference (CPU), on the same random weights and the same preprocessed inputs in one
/// process: crops per second per batch size, queries per second at batch 1, achieved GFLOP/s
/// against the machine's matrix-multiply peak, and each runtime's memory growth. Preprocessing and
/// tokenisation are left out on purpose (they are the same code for both).
/// </summary>
internal static class RuntimeComparisonBenchmark
{
    public static IReadOnlyList<RuntimeComparisonResult> Run(ModelConfig config, IReadOnlyList<int> batches, double matmulPeakGflops,
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
            using var pixelTensor = randn([batches.Max(), 3, config.Image.Height, config.Image.Width], generator: new Generator(1));
            var inputs = new BenchInputs(config, pixelTensor.data<float>().ToArray(), SyntheticTokenRows.Caption(config.Text.VocabularySize, config.Text.ContextLength, words: 38));
            var onnx = MeasureOnnx(inputs, towers, options, batches, matmulPeakGflops, minTime, progress);
            var torch = MeasureTorch(inputs, model, batches, matmulPeakGflops, minTime, progress);
            return [onnx, torch];
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static RuntimeComparisonResult MeasureOnnx(BenchInputs inputs, ExportedTowers towers, InferenceOptions options, IReadOnlyList<int> batches,
        double peak, TimeSpan minTime, TextWriter progress)
    {
        var memory = MemoryGrowth.Start();
        using var configuration = new ExecutionProviderSelector().Configure(options);
        using var image = new InferenceSession(towers.ImagePath, configuration.Options);
        using var text = new InferenceSession(towers.TextPath, configuration.Options);
        var runtime = $"ONNX Runtime {OrtEnv.Instance().GetVersionString()} ({configuration.Provider})";
        var config = inputs.Config;
        var rates = new SortedDictionary<int, double>();
        foreach (var batch in batches)
        {
            var pixels = inputs.Pixels.AsMemory(0, batch * 3 * config.Image.Height * config.Image.Width);
            long[] shape = [batch, 3, config.Image.Height, config.Image.Width];
            rates[batch] = ThroughputMeter.ItemsPerSecond(batch, () => RunOnnx(image, TowerGraphNames.Pixels, pixels, shape), minTime);
            progress.WriteLine($"[{config.Name}] {runtime}: batch {batch}: {rates[batch]:F1} crops/s");
        }
        var query = inputs.Query.AsMemory();
        var queries = ThroughputMeter.ItemsPerSecond(1, () => RunOnnx(text, TowerGraphNames.TokenIds, query, [1, inputs.Query.Length]), minTime);
        progress.WriteLine($"[{config.Name}] {runtime}: {queries:F1} queries/s");
        var threads = options.IntraOpThreads > 0 ? options.IntraOpThreads : Environment.ProcessorCount;
        return Result(config, runtime, configuration.Provider == ExecutionProvider.Cpu, threads, rates, queries, peak, memory.GrowthMebibytes());
    }

    private static RuntimeComparisonResult MeasureTorch(BenchInputs inputs, VfeTpsModel model, IReadOnlyList<int> batches,
        double peak, TimeSpan minTime, TextWriter progress)
    {
        var memory = MemoryGrowth.Start();
        const string runtime = "TorchSharp (CPU)";
        var config = inputs.Config;
        using var noGrad = no_grad();
        var rates = new SortedDictionary<int, double>();
        foreach (var batch in batches)
        {
            using var input = tensor(inputs.Pixels.AsSpan(0, batch * 3 * config.Image.Height * config.Image.Width).ToArray(),
                [batch, 3, config.Image.Height, config.Image.Width]);
            rates[batch] = ThroughputMeter.ItemsPerSecond(batch, () => model.EmbedImages(input).Dispose(), minTime);
            progress.WriteLine($"[{config.Name}] {runtime}: batch {batch}: {rates[batch]:F1} crops/s");
        }
        using var ids = tensor(inputs.Query, [1, inputs.Query.Length]);
        var queries = ThroughputMeter.ItemsPerSecond(1, () => model.EmbedTexts(ids).Dispose(), minTime);
        progress.WriteLine($"[{config.Name}] {runtime}: {queries:F1} queries/s");
        return Result(config, runtime, onCpu: true, get_num_threads(), rates, queries, peak, memory.GrowthMebibytes());
    }

    private static RuntimeComparisonResult Result(ModelConfig config, string runtime, bool onCpu, int threads, SortedDictionary<int, double> rates,
        double queries, double peak, double? memoryGrowth)
    {
        var gflops = rates[rates.Keys.Max()] * TowerFlops.PerImage(config) / 1e9;
        // The peak is the CPU's; a GPU's GFLOP/s against it would mean nothing.
        return new RuntimeComparisonResult(config.Name, runtime, onCpu, threads, rates, queries, gflops, onCpu ? gflops / peak : null, memoryGrowth);
    }

    private static void RunOnnx<T>(InferenceSession session, string inputName, Memory<T> input, long[] shape)
        where T : unmanaged
    {
        using var value = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, input, shape);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [inputName], [value], [TowerGraphNames.Embedding]);
    }

    private sealed record BenchInputs(ModelConfig Config, float[] Pixels, long[] Query);
}
