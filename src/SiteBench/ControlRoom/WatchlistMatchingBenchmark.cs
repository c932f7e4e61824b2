using System.Diagnostics;
using VfeTps.Stream.SiteBench.VectorSearch;
using VfeTps.Stream.Watchlists;

namespace VfeTps.Stream.SiteBench.ControlRoom;

/// <summary>
/// The watchlist matcher alone, on one thread (the matching service runs it on one): every new crop is
/// scored against each active watchlist, standardised against the calibration window and joins the window,
/// updating every watchlist's sums. Synthetic unit vectors (fixed seed), window full before timing, the
/// site's default calibration settings. Also the cost of creating one watchlist: its text vector scored
/// against every crop of a full window.
/// </summary>
internal static class WatchlistMatchingBenchmark
{
    private const string ModelVersion = "bench-model";
    private const string Camera = "cam-00";
    private const int WarmUpCalibrations = 10;

    public static (IReadOnlyList<WatchlistMatchingMeasurement> Matching, IReadOnlyList<WatchlistCalibrationMeasurement> Calibration) Run(
        ControlRoomBenchmarkOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var matching = new List<WatchlistMatchingMeasurement>();
        var calibration = new List<WatchlistCalibrationMeasurement>();
        foreach (var dimension in options.Dimensions)
        {
            var crops = new CropPool(dimension, options.CalibrationWindow, options.Seed + dimension);
            var texts = new Random(options.Seed - dimension);
            calibration.Add(MeasureCalibration(options, dimension, crops, texts));
            progress?.Report(FormattableString.Invariant(
                $"watchlists, dimension {dimension}: creating one against a full window of {options.CalibrationWindow:N0} crops p50 {calibration[^1].P50Ms:F3} ms, p95 {calibration[^1].P95Ms:F3} ms"));
            foreach (var count in options.WatchlistCounts)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var measured = MeasureMatching(options, dimension, count, crops, texts);
                matching.Add(measured);
                progress?.Report(FormattableString.Invariant(
                    $"watchlists, dimension {dimension}, {count} watchlist(s): {measured.CropsPerSecond:N0} crops/s, mean {measured.MeanMicroseconds:F2} µs, p95 {measured.P95Microseconds:F2} µs per crop"));
            }
        }

        return (matching, calibration);
    }

    private static WatchlistCalibrationMeasurement MeasureCalibration(ControlRoomBenchmarkOptions options, int dimension, CropPool crops, Random texts)
    {
        var matcher = FullMatcher(options, dimension, crops);
        // The same id each time: the matcher replaces the watchlist and scores the new text against the window.
        var warmUpStarted = Stopwatch.GetTimestamp();
        for (var i = 0; i < WarmUpCalibrations || Stopwatch.GetElapsedTime(warmUpStarted) < options.WarmUp; i++)
        {
            var (watchlist, vector) = NewWatchlist(0, texts, dimension);
            matcher.Upsert(watchlist, vector, ModelVersion);
        }

        var durations = new List<double>(options.Calibrations);
        for (var i = 0; i < options.Calibrations; i++)
        {
            var (watchlist, vector) = NewWatchlist(0, texts, dimension);
            var started = Stopwatch.GetTimestamp();
            matcher.Upsert(watchlist, vector, ModelVersion);
            durations.Add(Microseconds(started, Stopwatch.GetTimestamp()) / 1000);
        }

        if (matcher.CalibrationOf(WatchlistId(0)).Crops != options.CalibrationWindow)
        {
            throw new InvalidOperationException("The benchmark's watchlist was not calibrated against the full window.");
        }

        return new WatchlistCalibrationMeasurement(dimension, matcher.WindowCount, durations.Count, Percentiles.Of(durations, 50), Percentiles.Of(durations, 95));
    }

    /// <summary>
    /// Whole laps of the window timed as wholes for the throughput (until both minimums are reached), then
    /// <see cref="ControlRoomBenchmarkOptions.MinMatchLaps"/> laps with every crop timed for the tail.
    /// </summary>
    private static WatchlistMatchingMeasurement MeasureMatching(ControlRoomBenchmarkOptions options, int dimension, int count, CropPool crops, Random texts)
    {
        var matcher = FullMatcher(options, dimension, crops);
        for (var w = 0; w < count; w++)
        {
            var (watchlist, vector) = NewWatchlist(w, texts, dimension);
            matcher.Upsert(watchlist, vector, ModelVersion);
        }

        // Warm-up laps until the JIT has settled on its optimised code (tiering needs a few hundred ms).
        var next = options.CalibrationWindow;
        var warmUpStarted = Stopwatch.GetTimestamp();
        do
        {
            Lap(matcher, crops, ref next, options.CalibrationWindow);
        }
        while (Stopwatch.GetElapsedTime(warmUpStarted) < options.WarmUp);

        long timedCrops = 0;
        long candidates = 0;
        var laps = 0;
        var elapsed = TimeSpan.Zero;
        while (laps < options.MinMatchLaps || elapsed < options.MinMatchTime)
        {
            var started = Stopwatch.GetTimestamp();
            candidates += Lap(matcher, crops, ref next, options.CalibrationWindow);
            elapsed += Stopwatch.GetElapsedTime(started);
            timedCrops += options.CalibrationWindow;
            laps++;
        }

        var perCrop = new double[options.MinMatchLaps * options.CalibrationWindow];
        for (var i = 0; i < perCrop.Length; i++)
        {
            var (id, vector) = crops[next++];
            var started = Stopwatch.GetTimestamp();
            _ = matcher.Match(id, Camera, vector);
            perCrop[i] = Microseconds(started, Stopwatch.GetTimestamp());
        }

        return new WatchlistMatchingMeasurement(
            dimension, count, matcher.WindowCount, timedCrops, timedCrops / elapsed.TotalSeconds, elapsed.TotalMicroseconds / timedCrops, Percentiles.Of(perCrop, 95), candidates);
    }

    /// <summary>Matches one window's worth of new crops; returns how many watchlist candidates they raised.</summary>
    private static long Lap(WatchlistMatcher matcher, CropPool crops, ref int next, int window)
    {
        long candidates = 0;
        for (var i = 0; i < window; i++)
        {
            var (id, vector) = crops[next++];
            candidates += matcher.Match(id, Camera, vector).Count;
        }

        return candidates;
    }

    /// <summary>A matcher with the site's default calibration settings and a window already full.</summary>
    private static WatchlistMatcher FullMatcher(ControlRoomBenchmarkOptions options, int dimension, CropPool crops)
    {
        var defaults = new WatchlistOptions();
        var matcher = new WatchlistMatcher(options.CalibrationWindow, Math.Min(defaults.MinCalibrationCrops, options.CalibrationWindow), defaults.MinStandardDeviation);
        matcher.Reset(ModelVersion, dimension);
        matcher.Seed(Enumerable.Range(0, options.CalibrationWindow).Select(i => crops[i]));
        return matcher;
    }

    private static (Watchlist Watchlist, float[] Vector) NewWatchlist(int index, Random texts, int dimension) =>
        (new Watchlist(
            WatchlistId(index),
            FormattableString.Invariant($"watchlist {index}"),
            "a person in a red coat",
            new WatchlistOptions().DefaultThreshold,
            null,
            "user:operator",
            "operator",
            DateTimeOffset.UnixEpoch,
            ModelVersion),
         SyntheticCropStream.RandomUnit(texts, dimension));

    /// <summary>From raw timestamps: a TimeSpan would round to its 0.1 µs ticks.</summary>
    private static double Microseconds(long started, long ended) => (ended - started) * 1e6 / Stopwatch.Frequency;

    private static string WatchlistId(int index) => FormattableString.Invariant($"wl-{index:D4}");

    /// <summary>
    /// Unit crop vectors and ids, reused in a cycle of two windows: an id comes back only after it has
    /// left the window, so every crop joins it (as new crops do), and nothing is allocated while timing.
    /// </summary>
    private sealed class CropPool
    {
        private readonly string[] _ids;
        private readonly float[][] _vectors;

        public CropPool(int dimension, int window, int seed)
        {
            var random = new Random(seed);
            _ids = [.. Enumerable.Range(0, 2 * window).Select(static i => FormattableString.Invariant($"{Camera}.{i}.0"))];
            _vectors = [.. Enumerable.Range(0, 2 * window).Select(_ => SyntheticCropStream.RandomUnit(random, dimension))];
        }

        public (string CropId, float[] UnitVector) this[int index] => (_ids[index % _ids.Length], _vectors[index % _vectors.Length]);
    }
}
