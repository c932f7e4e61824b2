using System.Diagnostics;

namespace VfeTps.Stream.Inference;

/// <summary>Items per second of a repeated call, the way the encoder and runtime benchmarks measure it.</summary>
public static class ThroughputMeter
{
    /// <summary>
    /// One warm-up call, then calls until both <paramref name="minRuns"/> and <paramref name="minTime"/>
    /// are reached; the median call's rate is returned, so one slow call (a page fault, a neighbour
    /// process) does not move the result.
    /// </summary>
    public static double ItemsPerSecond(int itemsPerCall, Action call, TimeSpan minTime, int minRuns = 3)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(itemsPerCall);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minRuns);
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
