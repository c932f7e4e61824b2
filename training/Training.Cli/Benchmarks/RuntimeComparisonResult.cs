namespace VfeTps.Stream.Training.Cli.Benchmarks;

/// <summary>One configuration's tower throughput on one runtime.</summary>
/// <param name="Config">tiny or paper.</param>
/// <param name="Runtime">For example "ONNX Runtime 1.31.0 (Cpu)" or "TorchSharp (CPU)".</param>
/// <param name="OnCpu">Whether it ran on the CPU (ratios and the share of the CPU's peak only compare CPU runs).</param>
/// <param name="Threads">Intra-op threads.</param>
/// <param name="CropsPerSecond">Image tower throughput per batch size (preprocessed crops).</param>
/// <param name="QueriesPerSecond">Text tower throughput at batch 1 (one operator query at a time).</param>
/// <param name="ImageGflops">Achieved GFLOP/s of the image tower at the largest batch (the ONNX graph's matrix products).</param>
/// <param name="ShareOfMatmulPeak">ImageGflops over the CPU's measured matrix-multiply peak; null off the CPU.</param>
/// <param name="MemoryGrowthMiB">How far the process's peak resident memory rose above where it stood when this runtime's measurements began.</param>
internal sealed record RuntimeComparisonResult(
    string Config,
    string Runtime,
    bool OnCpu,
    int Threads,
    IReadOnlyDictionary<int, double> CropsPerSecond,
    double QueriesPerSecond,
    double ImageGflops,
    double? ShareOfMatmulPeak,
    double? MemoryGrowthMiB);
