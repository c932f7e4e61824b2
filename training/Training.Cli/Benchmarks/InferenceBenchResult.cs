namespace VfeTps.Stream.Training.Cli.Benchmarks;

/// <summary>One configuration's inference throughput on one runtime.</summary>
/// <param name="Config">tiny or paper.</param>
/// <param name="Runtime">"ONNX Runtime (Cpu)", "ONNX Runtime (Cuda)" or "TorchSharp (CPU)".</param>
/// <param name="CropsPerSecond">Image tower throughput per batch size (preprocessed crops).</param>
/// <param name="QueriesPerSecond">Text tower throughput at batch 1 (one operator query at a time).</param>
/// <param name="ImageGflops">Achieved GFLOP/s of the image tower at the largest batch.</param>
/// <param name="ShareOfMatmulPeak">ImageGflops over the machine's measured matrix-multiply peak.</param>
/// <param name="PeakMemoryMiB">Peak resident memory of the process during this runtime's measurements.</param>
internal sealed record InferenceBenchResult(
    string Config,
    string Runtime,
    IReadOnlyDictionary<int, double> CropsPerSecond,
    double QueriesPerSecond,
    double ImageGflops,
    double ShareOfMatmulPeak,
    double? PeakMemoryMiB);
