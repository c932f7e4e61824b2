using System.Diagnostics;
using System.Runtime.InteropServices;
using VfeTps.Stream.SiteBench.VectorSearch;
using VfeTps.Stream.VectorIndex;
using VfeTps.Stream.VectorIndex.Embedded;

namespace VfeTps.Stream.SiteBench;

/// <summary>
/// The embedded vector index at site scale: for each collection size, bulk load, the Embedder's
/// small fsynced batches into the full collection, search latency (p50/p95) per filter scenario,
/// ungrouped and grouped by track, recall@10 against a brute-force scan, reopen time, memory.
/// Synthetic vectors (tracks of a few shots on random cameras, in capture order over a day).
/// </summary>
public static class VectorSearchBenchmark
{
    private const string Collection = "bench";
    private const int WarmUpQueries = 5;
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);

    public static async Task<VectorSearchBenchmarkResult> RunAsync(
        VectorSearchBenchmarkOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var startedAt = DateTimeOffset.UtcNow;
        var root = options.WorkDirectory ?? Directory.CreateTempSubdirectory("vfetps-vector-bench-").FullName;
        try
        {
            var sizes = new List<VectorSearchSizeResult>();
            foreach (var size in options.Sizes)
            {
                var directory = Path.Combine(root, FormattableString.Invariant($"size-{size}"));
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }

                sizes.Add(await MeasureSizeAsync(directory, size, options, progress, cancellationToken).ConfigureAwait(false));
                Directory.Delete(directory, recursive: true);
            }

            var machine = $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.ProcessArchitecture}";
            return new VectorSearchBenchmarkResult(startedAt, machine, options.Dimension, sizes);
        }
        finally
        {
            if (options.WorkDirectory is null)
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static async Task<VectorSearchSizeResult> MeasureSizeAsync(
        string directory, int size, VectorSearchBenchmarkOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var stream = new SyntheticCropStream(options.Dimension, options.Cameras, options.ShotsPerTrack, Start, options.TimeSpan, size, options.Seed);
        var smallBatchPoints = Math.Min(size, options.WriteBatches * options.WriteBatchSize);
        WriteMeasurement bulk;
        WriteMeasurement small;
        List<SearchLatency> searches;
        var scenarios = Scenarios(options);
        var queryRandom = new Random(options.Seed + 1);
        var recallQueries = Enumerable.Range(0, options.RecallQueries).Select(_ => SyntheticCropStream.RandomUnit(queryRandom, options.Dimension)).ToList();
        List<IReadOnlyList<VectorHit>> unfilteredHits = [];
        List<IReadOnlyList<VectorHit>> filteredHits = [];
        var filtered = scenarios[^1];
        long logBytes;
        long managedBytes;

        var store = new EmbeddedVectorStore(directory);
        await using (var index = (EmbeddedVectorIndex)await store.OpenAsync(Collection, options.Dimension, cancellationToken).ConfigureAwait(false))
        {
            using var points = stream.Points().GetEnumerator();
            bulk = await WriteAsync(index, points, size - smallBatchPoints, options.LoadBatchSize, cancellationToken).ConfigureAwait(false);
            progress?.Report(FormattableString.Invariant($"{size:N0} points: bulk load {bulk.PointsPerSecond:N0} points/s (batches of {bulk.BatchSize}, p50 {bulk.P50BatchMs:F1} ms)"));
            small = await WriteAsync(index, points, smallBatchPoints, options.WriteBatchSize, cancellationToken).ConfigureAwait(false);
            progress?.Report(FormattableString.Invariant($"{size:N0} points: Embedder batches of {small.BatchSize}: {small.PointsPerSecond:N0} points/s, p50 {small.P50BatchMs:F2} ms, p95 {small.P95BatchMs:F2} ms per batch"));

            searches = [];
            foreach (var grouped in new[] { false, true })
            {
                foreach (var (name, filter) in scenarios)
                {
                    searches.Add(await MeasureSearchAsync(index, name, filter, grouped, options, cancellationToken).ConfigureAwait(false));
                    var s = searches[^1];
                    progress?.Report(FormattableString.Invariant($"{size:N0} points: {(grouped ? "grouped " : string.Empty)}search [{name}] p50 {s.P50Ms:F2} ms, p95 {s.P95Ms:F2} ms ({s.MeanHits:F1} hits)"));
                }
            }

            foreach (var vector in recallQueries)
            {
                unfilteredHits.Add(await index.SearchAsync(new VectorQuery(vector, 10), cancellationToken).ConfigureAwait(false));
                filteredHits.Add(await index.SearchAsync(filtered.Filter(vector) with { Limit = 10 }, cancellationToken).ConfigureAwait(false));
            }

            logBytes = index.GetStatistics().LogBytes;
            managedBytes = GC.GetTotalMemory(forceFullCollection: true);
        }

        var reopenStarted = Stopwatch.GetTimestamp();
        await using (var reopened = await new EmbeddedVectorStore(directory).OpenAsync(Collection, options.Dimension, cancellationToken).ConfigureAwait(false))
        {
            var reopenSeconds = Stopwatch.GetElapsedTime(reopenStarted).TotalSeconds;
            var count = await reopened.CountAsync(cancellationToken).ConfigureAwait(false);
            if (count != size)
            {
                throw new InvalidOperationException($"The reopened collection holds {count} points, not {size}.");
            }

            progress?.Report(FormattableString.Invariant($"{size:N0} points: reopened in {reopenSeconds:F2} s ({logBytes / 1048576.0:F0} MiB log), managed heap {managedBytes / 1048576.0:F0} MiB"));
            var (recall, filteredRecall) = Recall(stream, recallQueries, unfilteredHits, filtered, filteredHits);
            progress?.Report(FormattableString.Invariant($"{size:N0} points: recall@10 {recall:F3}, filtered {filteredRecall:F3}"));
            return new VectorSearchSizeResult(
                size, bulk, small, reopenSeconds, logBytes, managedBytes, Process.GetCurrentProcess().PeakWorkingSet64, recall, filteredRecall, searches);
        }
    }

    private static async Task<WriteMeasurement> WriteAsync(IVectorIndex index, IEnumerator<CropVector> points, int count, int batchSize, CancellationToken cancellationToken)
    {
        var durations = new List<double>();
        var total = 0L;
        var batch = new List<CropVector>(batchSize);
        var written = 0;
        while (written < count)
        {
            batch.Clear();
            while (batch.Count < batchSize && written + batch.Count < count && points.MoveNext())
            {
                batch.Add(points.Current);
            }

            var started = Stopwatch.GetTimestamp();
            await index.UpsertAsync(batch, cancellationToken).ConfigureAwait(false);
            var elapsed = Stopwatch.GetTimestamp() - started;
            total += elapsed;
            durations.Add(Stopwatch.GetElapsedTime(0, elapsed).TotalMilliseconds);
            written += batch.Count;
        }

        var seconds = Stopwatch.GetElapsedTime(0, total).TotalSeconds;
        return new WriteMeasurement(batchSize, durations.Count, seconds > 0 ? written / seconds : 0, Percentiles.Of(durations, 50), Percentiles.Of(durations, 95));
    }

    private static async Task<SearchLatency> MeasureSearchAsync(
        IVectorIndex index, string name, Func<float[], VectorQuery> filter, bool grouped, VectorSearchBenchmarkOptions options, CancellationToken cancellationToken)
    {
        var random = new Random(options.Seed + 2);
        var durations = new List<double>();
        long hits = 0;
        for (var q = 0; q < WarmUpQueries + options.Queries; q++)
        {
            var query = filter(SyntheticCropStream.RandomUnit(random, options.Dimension));
            var started = Stopwatch.GetTimestamp();
            var found = grouped
                ? (await index.SearchTracksAsync(query, options.CropsPerTrack, cancellationToken).ConfigureAwait(false)).Count
                : (await index.SearchAsync(query, cancellationToken).ConfigureAwait(false)).Count;
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (q >= WarmUpQueries)
            {
                durations.Add(elapsed);
                hits += found;
            }
        }

        return new SearchLatency(name, grouped, durations.Count, Percentiles.Of(durations, 50), Percentiles.Of(durations, 95), durations.Average(), hits / (double)durations.Count);
    }

    /// <summary>all, 3 of the cameras, the last hour, both.</summary>
    private static List<(string Name, Func<float[], VectorQuery> Filter)> Scenarios(VectorSearchBenchmarkOptions options)
    {
        string[] cameras = [SyntheticCropStream.CameraName(0), SyntheticCropStream.CameraName(1), SyntheticCropStream.CameraName(2)];
        var to = Start + options.TimeSpan;
        var from = to - TimeSpan.FromTicks(Math.Min(TimeSpan.FromHours(1).Ticks, options.TimeSpan.Ticks / 2));
        return
        [
            ("all", v => new VectorQuery(v, options.Limit)),
            ("cameras", v => new VectorQuery(v, options.Limit, Cameras: cameras)),
            ("time", v => new VectorQuery(v, options.Limit, From: from, To: to)),
            ("cameras+time", v => new VectorQuery(v, options.Limit, Cameras: cameras, From: from, To: to)),
        ];
    }

    /// <summary>Replays the stream once, scoring every point in double precision against every recall query.</summary>
    private static (double Unfiltered, double Filtered) Recall(
        SyntheticCropStream stream, List<float[]> queries, List<IReadOnlyList<VectorHit>> unfilteredHits,
        (string Name, Func<float[], VectorQuery> Filter) filtered, List<IReadOnlyList<VectorHit>> filteredHits)
    {
        if (queries.Count == 0)
        {
            return (double.NaN, double.NaN);
        }

        var best = queries.Select(static _ => new PriorityQueue<string, double>()).ToList();
        var bestFiltered = queries.Select(static _ => new PriorityQueue<string, double>()).ToList();
        var filters = queries.Select(q => filtered.Filter(q)).ToList();
        foreach (var point in stream.Points())
        {
            var norm = Math.Sqrt(point.Vector.Sum(static v => (double)v * v));
            for (var q = 0; q < queries.Count; q++)
            {
                double dot = 0;
                for (var d = 0; d < point.Vector.Length; d++)
                {
                    dot += (double)point.Vector[d] * queries[q][d];
                }

                var score = dot / norm;
                Keep(best[q], point.CropId, score);
                var filter = filters[q];
                if (filter.Cameras!.Contains(point.Payload.CameraId) && point.Payload.CaptureTime >= filter.From && point.Payload.CaptureTime < filter.To)
                {
                    Keep(bestFiltered[q], point.CropId, score);
                }
            }
        }

        return (MeanRecall(best, unfilteredHits), MeanRecall(bestFiltered, filteredHits));

        static void Keep(PriorityQueue<string, double> top, string id, double score)
        {
            if (top.Count < 10)
            {
                top.Enqueue(id, score);
            }
            else if (top.TryPeek(out _, out var worst) && score > worst)
            {
                top.EnqueueDequeue(id, score);
            }
        }

        static double MeanRecall(List<PriorityQueue<string, double>> truth, List<IReadOnlyList<VectorHit>> hits) =>
            truth.Select((t, q) =>
            {
                var ids = t.UnorderedItems.Select(static i => i.Element).ToHashSet();
                return ids.Count == 0 ? 1.0 : hits[q].Count(h => ids.Contains(h.CropId)) / (double)ids.Count;
            }).Average();
    }
}
