using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.Contracts.Audit;
using VfeTps.Stream.SiteBench.VectorSearch;
using VfeTps.Stream.Storage;

namespace VfeTps.Stream.SiteBench.ControlRoom;

/// <summary>
/// The audit trail as the site composes it (AddAuditTrail over a real SiteDatabase in a scratch folder):
/// every audited search or thumbnail costs one durable append (BEGIN IMMEDIATE, hash chained,
/// synchronous=FULL), and appends queue behind each other. Times appends by 1 and by several concurrent
/// writers, and a page of thumbnails whose audited views arrive at once.
/// </summary>
internal static class AuditAppendBenchmark
{
    private const int WarmUpAppends = 50;
    private const string Operator = "operator";

    // Search texts of about 60 characters, as an operator types them.
    private static readonly string[] Descriptions =
    [
        "a woman in a long red coat carrying a black handbag at the exit",
        "man with a grey hoodie and blue jeans riding a bicycle past cars",
        "child in a yellow raincoat holding the hand of a tall adult man",
        "person wearing a white cap and a dark backpack walking to the left",
        "elderly man with a walking stick and a brown jacket near the door",
    ];

    public static async Task<(DiskSyncMeasurement Disk, IReadOnlyList<AuditAppendMeasurement> Appends, ThumbnailPageMeasurement Page)> RunAsync(
        ControlRoomBenchmarkOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("vfetps-audit-bench-");
        try
        {
            var services = new ServiceCollection()
                .AddLogging()
                .AddSingleton(new SiteDatabase(Path.Combine(folder.FullName, "site.db")))
                .AddAuditTrail(new ConfigurationBuilder().Build());
            await using var provider = services.BuildServiceProvider();
            var trail = provider.GetRequiredService<IAuditTrail>();

            var appends = new List<AuditAppendMeasurement>();
            var disk = DiskSync(folder.FullName);
            progress?.Report(FormattableString.Invariant(
                $"audit, fsync of 4 KiB on the trail's disk: p50 {disk.P50Ms:F3} ms, p95 {disk.P95Ms:F3} ms (the floor of one durable append)"));
            foreach (var writers in options.AuditWriters)
            {
                var warmUpStarted = Stopwatch.GetTimestamp();
                do
                {
                    await AppendAsync(trail, writers, WarmUpAppends, cancellationToken).ConfigureAwait(false);
                }
                while (Stopwatch.GetElapsedTime(warmUpStarted) < options.WarmUp);

                var measured = await AppendAsync(trail, writers, options.AuditRecords, cancellationToken).ConfigureAwait(false);
                appends.Add(measured);
                progress?.Report(FormattableString.Invariant(
                    $"audit appends, {writers} writer(s): {measured.AppendsPerSecond:N0} appends/s, p50 {measured.P50Ms:F2} ms, p95 {measured.P95Ms:F2} ms, max {measured.MaxMs:F1} ms"));
            }

            var page = await PagesAsync(trail, options, cancellationToken).ConfigureAwait(false);
            progress?.Report(FormattableString.Invariant(
                $"audit, page of {page.Thumbnails} thumbnails viewed at once: p50 {page.P50Ms:F1} ms, p95 {page.P95Ms:F1} ms until every view is recorded"));
            return (disk, appends, page);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Writes of 4 KiB into a file beside the database, each flushed to disk (fsync): what the disk, or the
    /// virtual machine's disk, charges for durability, whatever SQLite does on top.
    /// </summary>
    private static DiskSyncMeasurement DiskSync(string folder)
    {
        const int WarmUp = 20;
        const int Syncs = 200;
        var block = new byte[4096];
        var durations = new List<double>(Syncs);
        var path = Path.Combine(folder, "fsync-probe");
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1))
        {
            for (var i = -WarmUp; i < Syncs; i++)
            {
                file.Write(block);
                var started = Stopwatch.GetTimestamp();
                file.Flush(flushToDisk: true);
                if (i >= 0)
                {
                    durations.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        }

        File.Delete(path);
        return new DiskSyncMeasurement(durations.Count, Percentiles.Of(durations, 50), Percentiles.Of(durations, 95));
    }

    /// <summary><paramref name="records"/> search records split between <paramref name="writers"/>, each appending one after another.</summary>
    private static async Task<AuditAppendMeasurement> AppendAsync(IAuditTrail trail, int writers, int records, CancellationToken cancellationToken)
    {
        var latencies = new double[records];
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(
            async () =>
            {
                // Writer w appends records w, w + writers, w + 2·writers, …
                for (var i = writer; i < records; i += writers)
                {
                    var record = SearchRecord(i);
                    var appendStarted = Stopwatch.GetTimestamp();
                    await trail.RecordAsync(record, cancellationToken).ConfigureAwait(false);
                    latencies[i] = Stopwatch.GetElapsedTime(appendStarted).TotalMilliseconds;
                }
            },
            cancellationToken))).ConfigureAwait(false);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new AuditAppendMeasurement(writers, records, records / seconds, Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 95), latencies.Max());
    }

    /// <summary>Pages of thumbnails: every view of a page appended at once, the page timed until the last is durable.</summary>
    private static async Task<ThumbnailPageMeasurement> PagesAsync(IAuditTrail trail, ControlRoomBenchmarkOptions options, CancellationToken cancellationToken)
    {
        var durations = new List<double>(options.Pages);
        for (var page = -1; page < options.Pages; page++)
        {
            var track = page + 1;
            var started = Stopwatch.GetTimestamp();
            await Task.WhenAll(Enumerable.Range(0, options.ThumbnailsPerPage).Select(shot => Task.Run(
                () => trail.RecordAsync(CropViewRecord(track, shot), cancellationToken), cancellationToken))).ConfigureAwait(false);
            if (page >= 0)
            {
                // Page −1 warms the thread pool up for this many callers at once.
                durations.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        return new ThumbnailPageMeasurement(options.ThumbnailsPerPage, durations.Count, Percentiles.Of(durations, 50), Percentiles.Of(durations, 95));
    }

    /// <summary>A record shaped like the one a text search writes (services/Search: text, cameras, from, to, k, results).</summary>
    private static AuditRecord SearchRecord(int index)
    {
        var to = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero).AddMinutes(index);
        var detail = new Dictionary<string, string?>
        {
            ["cameras"] = "cam-01,cam-02,cam-03",
            ["from"] = to.AddHours(-1).ToString("O", CultureInfo.InvariantCulture),
            ["to"] = to.ToString("O", CultureInfo.InvariantCulture),
            ["k"] = "20",
            ["groupByTrack"] = "false",
            ["text"] = Descriptions[index % Descriptions.Length],
            ["results"] = "20",
        };
        return new AuditRecord(AuditActions.Search, $"user:{Operator}", Operator, null, detail, AuditOutcome.Succeeded, "192.0.2.10");
    }

    /// <summary>A record shaped like the one a thumbnail writes (the crop id is the target, no detail).</summary>
    private static AuditRecord CropViewRecord(long track, int shot) =>
        new(AuditActions.CropImageOpened, $"user:{Operator}", Operator, CropIds.Create("cam-01", track, shot), new Dictionary<string, string?>(), AuditOutcome.Succeeded, "192.0.2.10");
}
