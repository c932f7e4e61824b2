using System.Globalization;
using System.Text;
using System.Text.Json;
using ScottPlot;
using VfeTps.Stream.SiteBench.ControlRoom;
using VfeTps.Stream.SiteBench.VectorSearch;

namespace VfeTps.Stream.SiteBench;

/// <summary>Writes site-bench.json, site-bench.md and the plots (search latency by collection size, camera capacity, watchlist matching).</summary>
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

        if (result.ControlRoom is { WatchlistMatching.Count: > 0 } controlRoom)
        {
            files.Add(PlotWatchlistMatching(controlRoom.WatchlistMatching, Path.Combine(folder, "watchlist-matching.png")));
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

        if (result.ControlRoom is { } controlRoom)
        {
            ControlRoomMarkdown(text, controlRoom);
        }

        return text.ToString();
    }

    private static void ControlRoomMarkdown(StringBuilder text, ControlRoomBenchmarkResult controlRoom)
    {
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine().AppendLine("## Audit trail appends (SQLite, synchronous=FULL: each append fsynced)").AppendLine()
            .AppendLine("Every audited search, thumbnail and frame opened is one durable, hash-chained append before the answer; appends queue one at a time. Records shaped like a text search's (text of about 60 characters, cameras, from, to, k, results); latency from the call to the durable append, queueing included.").AppendLine()
            .AppendLine("| concurrent writers | appends | appends/s | p50 ms | p95 ms | max ms |").AppendLine("|---|---|---|---|---|---|");
        foreach (var append in controlRoom.AuditAppends)
        {
            text.AppendLine(culture, $"| {append.Writers} | {append.Records:N0} | {append.AppendsPerSecond:N0} | {append.P50Ms:F2} | {append.P95Ms:F2} | {append.MaxMs:F1} |");
        }

        var page = controlRoom.ThumbnailPage;
        var disk = controlRoom.DiskSync;
        text.AppendLine()
            .AppendLine(culture, $"A page of {page.Thumbnails} thumbnails (its {page.Thumbnails} audited crop views arriving at once, {page.Pages} pages): every view recorded after p50 **{page.P50Ms:F1} ms**, p95 {page.P95Ms:F1} ms.").AppendLine()
            .AppendLine(culture, $"For scale, a bare fsync of 4 KiB on this disk takes p50 {disk.P50Ms:F3} ms, p95 {disk.P95Ms:F3} ms ({disk.Syncs} flushes). Each append waits for at least one, one append at a time: on a disk whose fsync takes longer, appends/s and the page's time follow it (a page costs about {page.Thumbnails} fsyncs).");

        text.AppendLine().AppendLine("## Watchlist matching (in memory, one thread, synthetic unit vectors)").AppendLine()
            .AppendLine("Each new crop is scored against every active watchlist, standardised against the calibration window (full), and joins the window. The matcher alone: the matching service's feed, vector check and hit storage are not included.").AppendLine()
            .AppendLine("| dimension | watchlists | window crops | crops timed | crops/s | mean µs/crop | p95 µs/crop | candidates |").AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var matching in controlRoom.WatchlistMatching)
        {
            text.AppendLine(culture, $"| {matching.Dimension} | {matching.Watchlists} | {matching.WindowCrops:N0} | {matching.Crops:N0} | {matching.CropsPerSecond:N0} | {matching.MeanMicroseconds:F2} | {matching.P95Microseconds:F2} | {matching.Candidates:N0} |");
        }

        text.AppendLine().AppendLine("Creating (calibrating) one watchlist: its text vector scored against every crop of the full window (the text tower's embedding not included).").AppendLine()
            .AppendLine("| dimension | window crops | times | p50 ms | p95 ms |").AppendLine("|---|---|---|---|---|");
        foreach (var calibration in controlRoom.WatchlistCalibration)
        {
            text.AppendLine(culture, $"| {calibration.Dimension} | {calibration.WindowCrops:N0} | {calibration.Times} | {calibration.P50Ms:F3} | {calibration.P95Ms:F3} |");
        }

        var password = controlRoom.PasswordHashing;
        text.AppendLine().AppendLine("## Password hashing (one sign-in)").AppendLine()
            .AppendLine(culture, $"PBKDF2-HMAC-SHA512, {password.Iterations:N0} iterations, {password.SaltBytes}-byte salt, {password.HashBytes}-byte hash (as the access library stores passwords): **{password.P50Ms:F1} ms** per check on one thread (p50 of {password.Checks}, mean {password.MeanMs:F1} ms); **{password.SignInsPerSecond:F1} sign-ins/s** with {password.Threads} checks at once (every core hashing).");
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

    private static string PlotWatchlistMatching(IReadOnlyList<WatchlistMatchingMeasurement> matching, string path)
    {
        var plot = new Plot();
        foreach (var dimension in matching.GroupBy(static m => m.Dimension))
        {
            var points = dimension.OrderBy(static m => m.Watchlists).ToArray();
            var line = plot.Add.Scatter(points.Select(static m => Math.Log10(m.Watchlists)).ToArray(), points.Select(static m => Math.Log10(m.CropsPerSecond)).ToArray());
            line.LegendText = FormattableString.Invariant($"dimension {dimension.Key}");
        }

        // Both axes are logarithmic (a watchlist more costs a fixed time per crop): ticks labelled with the real values.
        var counts = matching.Select(static m => m.Watchlists).Distinct().Order().ToArray();
        plot.Axes.Bottom.SetTicks(counts.Select(static c => Math.Log10(c)).ToArray(), counts.Select(static c => c.ToString(CultureInfo.InvariantCulture)).ToArray());
        var lowest = (int)Math.Floor(Math.Log10(matching.Min(static m => m.CropsPerSecond)));
        var highest = (int)Math.Ceiling(Math.Log10(matching.Max(static m => m.CropsPerSecond)));
        var decades = Enumerable.Range(lowest, highest - lowest + 1).ToArray();
        plot.Axes.Left.SetTicks(decades.Select(static d => (double)d).ToArray(), decades.Select(static d => Math.Pow(10, d).ToString("N0", CultureInfo.InvariantCulture)).ToArray());
        plot.Title("Watchlist matching on one thread (calibration window full)");
        plot.XLabel("active watchlists");
        plot.YLabel("crops/s");
        // The lines fall to the lower right: the legend goes where they are not.
        plot.ShowLegend(Alignment.UpperRight);
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
