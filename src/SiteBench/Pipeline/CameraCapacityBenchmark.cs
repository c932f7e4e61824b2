using System.Diagnostics;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.Host.Demo;

namespace VfeTps.Stream.SiteBench.Pipeline;

/// <summary>
/// How many cameras at 5 frames/s this machine sustains: the real embedded site with N paced, looped
/// demo cameras (the synthetic streets and vtest.avi in turn), N = 1, 2, 4, 8, then 4 more at a
/// time, until a step fails.
/// Each step is a fresh site: a warm-up, then a measured window of published and dropped frames,
/// indexed crops and capture-to-searchable latency.
/// </summary>
public static class CameraCapacityBenchmark
{
    public static async Task<IReadOnlyList<CameraCapacityStep>> RunAsync(
        IReadOnlyList<CameraSpec> sources,
        CapacityBenchmarkOptions options,
        IProgress<string> progress,
        CancellationToken cancellationToken)
    {
        var steps = new List<CameraCapacityStep>();
        foreach (var count in Steps(options.MaxCameras))
        {
            var step = await MeasureAsync(sources, count, options, cancellationToken).ConfigureAwait(false);
            steps.Add(step);
            progress.Report(FormattableString.Invariant(
                $"{count} camera(s): {step.PublishedFramesPerSecond:F1}/{count * options.FramesPerSecond:F0} frames/s published, {step.DroppedShare:P1} dropped, p95 {step.CaptureToSearchableP95Seconds:F2} s, {step.CpuCoresUsed:F2} cores, {step.WorkingSetMebibytes:F0} MiB -> {(step.Sustained ? "sustained" : "NOT sustained")}"));
            if (!step.Sustained)
            {
                break;
            }
        }

        return steps;
    }

    private static IEnumerable<int> Steps(int max)
    {
        for (var count = 1; count <= max; count = count < 8 ? count * 2 : count + 4)
        {
            yield return count;
        }
    }

    private static async Task<CameraCapacityStep> MeasureAsync(
        IReadOnlyList<CameraSpec> sources, int count, CapacityBenchmarkOptions options, CancellationToken cancellationToken)
    {
        var data = Directory.CreateTempSubdirectory("vfetps-bench-site-").FullName;
        try
        {
            await using var site = await InProcessSite.StartAsync(data, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < count; i++)
            {
                var source = sources[i % sources.Count];
                await site.Cameras.AddAsync(source with { Id = $"bench-{i + 1}", SampleRate = options.FramesPerSecond, Loop = true, Paced = true }, cancellationToken).ConfigureAwait(false);
            }

            await Task.Delay(options.WarmUp, cancellationToken).ConfigureAwait(false);
            var before = await TotalsAsync(site, cancellationToken).ConfigureAwait(false);
            var indexedBefore = site.Latency.Indexed;
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            await Task.Delay(options.Window, cancellationToken).ConfigureAwait(false);
            var seconds = clock.Elapsed.TotalSeconds;
            using var process = Process.GetCurrentProcess();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            var workingSet = process.WorkingSet64 / 1024.0 / 1024.0;
            var after = await TotalsAsync(site, cancellationToken).ConfigureAwait(false);

            var published = (after.Published - before.Published) / seconds;
            var dropped = after.Dropped - before.Dropped;
            var sampled = after.Published - before.Published + dropped;
            var droppedShare = sampled == 0 ? 0 : (double)dropped / sampled;
            var p50 = site.Latency.Percentile(50)?.TotalSeconds;
            var p95 = site.Latency.Percentile(95)?.TotalSeconds;
            var sustained = published >= 0.95 * count * options.FramesPerSecond && droppedShare <= 0.02 && p95 is <= 10;
            return new CameraCapacityStep(count, options.FramesPerSecond, published, droppedShare, site.Latency.Indexed - indexedBefore, p50, p95, cpu / seconds, workingSet, sustained);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<(long Published, long Dropped)> TotalsAsync(InProcessSite site, CancellationToken cancellationToken)
    {
        var cameras = await site.Cameras.ListAsync(cancellationToken).ConfigureAwait(false);
        return (cameras.Sum(c => c.Health.FramesPublished), cameras.Sum(c => c.Health.FramesDropped));
    }

    /// <summary>The demo cameras to cycle through: those the site starts with (the synthetic streets, then vtest.avi when present).</summary>
    public static async Task<IReadOnlyList<CameraSpec>> DemoSourcesAsync(CancellationToken cancellationToken) =>
        (await DemoCameraSet.EnsureAsync(new DemoOptions(), null, cancellationToken).ConfigureAwait(false)).Cameras;
}
