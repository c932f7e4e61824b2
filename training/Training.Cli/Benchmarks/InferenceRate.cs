using System.Diagnostics;

namespace VfeTps.Stream.Training.Cli.Benchmarks;

/// <summary>
/// Items per second of a repeated batch call: one warm-up, then runs until both a minimum count
/// and a minimum time are reached; the rate of the median run is reported.
/// </summary>
internal static class InferenceRate
{
    public static double ItemsPerSecond(int itemsPerCall, Action call, int minRuns, TimeSpan minTime)
    {
        call();
        var runs = new List<double>();
        var total = Stopwatch.StartNew();
        while (runs.Count < minRuns || total.Elapsed < minTime)
        {
            var clock = Stopwatch.StartNew();
            call();
            runs.Add(clock.Elapsed.TotalSeconds);
        }
        runs.Sort();
        return itemsPerCall / runs[runs.Count / 2];
    }
}
