using System.Diagnostics;
using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Cli.Benchmarks;

/// <summary>
/// This machine's practical float32 peak: a large square matrix product through libtorch's BLAS on
/// all its threads, the yardstick the towers' achieved GFLOP/s are read against.
/// </summary>
internal static class MatrixMultiplyPeak
{
    public static double MeasureGflops(int size = 2048, int repetitions = 5)
    {
        using var scope = NewDisposeScope();
        var a = randn(size, size);
        var b = randn(size, size);
        a.matmul(b).Dispose(); // warm-up
        var times = new List<double>();
        for (var i = 0; i < repetitions; i++)
        {
            var clock = Stopwatch.StartNew();
            a.matmul(b).Dispose();
            times.Add(clock.Elapsed.TotalSeconds);
        }
        times.Sort();
        return 2.0 * size * size * (double)size / times[times.Count / 2] / 1e9;
    }
}
