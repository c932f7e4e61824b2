using System.Globalization;
using System.Text;
using System.Text.Json;
using ScottPlot;
using VfeTps.Stream.SiteBench.VectorSearch;

namespace VfeTps.Stream.SiteBench;

/// <summary>Writes site-bench.json, site-bench.md and the plots (search latency by collection size, camera capacity).</summary>
public static class SiteBenchReport
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static IReadOnlyList<string> Write(SiteBenchResult result, string folder)
    {
        Directory.CreateDirectory(folder);
        var files = new List<string>
        {
            WriteText(folder, "site-bench.json", JsonSerializer.Serialize(result, Json)),
            WriteText(folder, "site-bench.md", Markdown(result)),
        };
        if (result.VectorSearch is { Sizes.Count: > 0 } vectors)
        {
            files.Add(PlotSearchLatency(vectors, Path.Combine(folder, "search-latency.png")));
        }

        if (result.CameraCapacity.Count > 0)
        {
            files.Add(PlotCapacity(result.CameraCapacity, Path.Combine(folder, "camera-capacity.png")));
        }

        return files;
    }

    private static string Markdown(SiteBenchResult result)
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine("# Embedded site benchmark").AppendLine()
            .AppendLine(culture, $"Measured {result.MeasuredAt:yyyy-MM-dd HH:mm} UTC on {result.Machine}. Peak memory (VmHWM) of the benchmark process: {result.SitePeakMemoryMebibytes:F0} MiB after the parts that run the site, {result.PeakMemoryMebibytes:F0} MiB at the end (with the vector-search part's collections of up to a million points).").AppendLine()
            .AppendLine("## Decoding and detection, ms per frame (one thread)").AppendLine()
            .AppendLine("| stage | method | video | size | frames | ms/frame | people/frame |").AppendLine("|---|---|---|---|---|---|---|");
        foreach (var cost in result.FrameCosts)
        {
            text.AppendLine(culture, $"| {cost.Stage} | {cost.Method} | {cost.Video} | {cost.Width}×{cost.Height} | {cost.Frames} | {cost.MillisecondsPerFrame:F2} | {cost.PeoplePerFrame?.ToString("F2", culture) ?? ""} |");
        }

        text.AppendLine().AppendLine("## Cameras at 5 frames/s (the whole embedded site)").AppendLine()
            .AppendLine(culture, $"Cameras sustained: **{Sustained(result)}**.").AppendLine()
            .AppendLine("Every camera runs the motion detector (the demo cameras' setting); HOG costs about 15 times more per frame (table above).").AppendLine()
            .AppendLine("| cameras | published frames/s | dropped | crops indexed | capture→searchable p50 s | p95 s | CPU cores used | working set MiB | sustained |")
            .AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var step in result.CameraCapacity)
        {
            text.AppendLine(culture, $"| {step.Cameras} | {step.PublishedFramesPerSecond:F1} / {step.Cameras * step.TargetFramesPerSecond:F0} | {step.DroppedShare:P1} | {step.CropsIndexed} | {step.CaptureToSearchableP50Seconds:F2} | {step.CaptureToSearchableP95Seconds:F2} | {step.CpuCoresUsed:F2} | {step.WorkingSetMebibytes:F0} | {(step.Sustained ? "yes" : "no")} |");
        }

        if (result.VectorSearch is { } vectors)
        {
            text.AppendLine().AppendLine(culture, $"## Vector search (embedded index, dimension {vectors.Dimension}, synthetic vectors)").AppendLine()
                .AppendLine("| crops | scenario | grouped | p50 ms | p95 ms |").AppendLine("|---|---|---|---|---|");
            foreach (var size in vectors.Sizes)
            {
                foreach (var latency in size.Searches)
                {
                    text.AppendLine(culture, $"| {size.Points:N0} | {latency.Scenario} | {(latency.Grouped ? "yes" : "no")} | {latency.P50Ms:F2} | {latency.P95Ms:F2} |");
                }
            }
        }

        return text.ToString();
    }

    private static string Sustained(SiteBenchResult result) => result.CameraCapacity.Count == 0
        ? "not measured"
        : result.CameraCapacity[^1].Sustained
            ? $"at least {result.CamerasSustained} (every step sustained; raise --max-cameras)"
            : $"{result.CamerasSustained} (the next step, {result.CameraCapacity[^1].Cameras}, was not)";

    private static string PlotSearchLatency(VectorSearchBenchmarkResult vectors, string path)
    {
        var plot = new Plot();
        foreach (var group in vectors.Sizes.SelectMany(size => size.Searches.Select(s => (size.Points, s))).GroupBy(x => (x.s.Scenario, x.s.Grouped)))
        {
            var points = group.OrderBy(x => x.Points).ToArray();
            var line = plot.Add.Scatter(points.Select(x => Math.Log10(x.Points)).ToArray(), points.Select(x => x.s.P95Ms).ToArray());
            line.LegendText = $"{group.Key.Scenario}{(group.Key.Grouped ? ", grouped" : "")}";
        }

        plot.Title("Search latency p95 by indexed crops");
        plot.XLabel("indexed crops (log10)");
        plot.YLabel("p95 ms");
        plot.ShowLegend();
        plot.SavePng(path, 900, 550);
        return path;
    }

    private static string PlotCapacity(IReadOnlyList<Pipeline.CameraCapacityStep> steps, string path)
    {
        var plot = new Plot();
        var cameras = steps.Select(s => (double)s.Cameras).ToArray();
        plot.Add.Scatter(cameras, steps.Select(s => s.PublishedFramesPerSecond).ToArray()).LegendText = "published frames/s";
        plot.Add.Scatter(cameras, steps.Select(s => s.Cameras * s.TargetFramesPerSecond).ToArray()).LegendText = "target (5 per camera)";
        plot.Title("Cameras at 5 frames/s on this machine");
        plot.XLabel("cameras");
        plot.YLabel("frames/s");
        plot.ShowLegend();
        plot.SavePng(path, 900, 550);
        return path;
    }

    private static string WriteText(string folder, string name, string content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
