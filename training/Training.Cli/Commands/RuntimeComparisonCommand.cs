using System.CommandLine;
using VfeTps.Stream.Inference;
using VfeTps.Stream.Training.Cli.Benchmarks;
using VfeTps.Stream.Training.Configuration;
using VfeTps.Stream.Training.Native;

namespace VfeTps.Stream.Training.Cli.Commands;

/// <summary><c>vfetps-train bench-inference</c>: tower throughput, ONNX Runtime against TorchSharp.</summary>
internal static class RuntimeComparisonCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--output")
        {
            Description = "Folder for inference-bench.json, inference-bench.md and the plots.",
            DefaultValueFactory = _ => new DirectoryInfo(Path.Combine("training", "bench")),
        };
        var configs = new Option<string[]>("--configs") { DefaultValueFactory = _ => ["tiny", "paper"], AllowMultipleArgumentsPerToken = true };
        var batches = new Option<int[]>("--batches") { DefaultValueFactory = _ => [1, 8, 32], AllowMultipleArgumentsPerToken = true };
        var seconds = new Option<double>("--seconds") { Description = "Minimum timed seconds per measurement (at least 3 runs).", DefaultValueFactory = _ => 2.0 };
        var provider = new Option<ExecutionProviderPreference>("--provider")
        {
            Description = "ONNX Runtime execution provider: Auto (CUDA when present), Cpu or Cuda.",
            DefaultValueFactory = _ => ExecutionProviderPreference.Auto,
        };
        var command = new Command("bench-inference", "The towers alone: crops/s at several batch sizes and queries/s, ONNX Runtime against TorchSharp, GFLOP/s against the CPU matmul peak, memory growth.")
        {
            output, configs, batches, seconds, provider,
        };
        command.SetAction(parse =>
        {
            TorchRuntime.EnsureLoaded();
            var batchSizes = parse.GetValue(batches)!;
            if (batchSizes.Length == 0 || batchSizes.Any(b => b < 1))
                throw new ArgumentException("--batches takes positive batch sizes.");
            Console.WriteLine("measuring the matrix-multiply peak…");
            var (torchPeak, onnxPeak) = MatrixMultiplyPeak.MeasureGflops(TimeSpan.FromSeconds(parse.GetValue(seconds)));
            var peak = Math.Max(torchPeak, onnxPeak);
            Console.WriteLine($"matrix-multiply peak: libtorch {torchPeak:F1}, ONNX Runtime {onnxPeak:F1} GFLOP/s");
            var options = new InferenceOptions { ExecutionProvider = parse.GetValue(provider) };
            var minTime = TimeSpan.FromSeconds(parse.GetValue(seconds));
            var results = parse.GetValue(configs)!
                .SelectMany(name => RuntimeComparisonBenchmark.Run(ModelConfig.ByName(name), batchSizes, peak, options, minTime, Console.Out))
                .ToList();
            var machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, libtorch {TorchSharp.torch.__version__}"
                + (CudaEnvironment.DriverPresent ? ", NVIDIA driver present" : ", no GPU")
                + FormattableString.Invariant($"; 2048² float32 matmul: libtorch {torchPeak:F1}, ONNX Runtime {onnxPeak:F1} GFLOP/s");
            var written = RuntimeComparisonReport.Write(parse.GetValue(output)!.FullName, machine, peak, results);
            Console.WriteLine($"Results: {string.Join(", ", written)}");
            return 0;
        });
        return command;
    }
}
