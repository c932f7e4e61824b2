namespace VfeTps.Stream.Watchlists.Tests;

/// <summary>The calibration arithmetic of <see cref="WatchlistMatcher"/>, against a brute-force mean and standard deviation over the window.</summary>
public sealed class WatchlistMatcherTests
{
    private const int Dimension = 16;
    private const string Model = "model-a";

    [Fact]
    public void RunningStatisticsMatchABruteForceComputationOverTheWindow()
    {
        var random = new Random(1);
        var matcher = new WatchlistMatcher(windowCapacity: 50, minCalibrationCrops: 10, minStandardDeviation: 1e-9);
        matcher.Reset(Model, Dimension);
        var text = RandomUnit(random);
        var watchlist = Watchlist("wl-00000000000000a1", threshold: 10);
        matcher.Upsert(watchlist, text, Model);
        var window = new List<float[]>();

        // Several laps of the ring, so that eviction and the per-lap exact recomputation both run.
        for (var i = 0; i < 173; i++)
        {
            var crop = RandomUnit(random);
            matcher.Match($"cam-a.{i}.0", "cam-a", crop);
            window.Add(crop);
            if (window.Count > 50)
                window.RemoveAt(0);

            var (mean, sd) = BruteForce(text, window);
            var calibration = matcher.CalibrationOf(watchlist.Id);
            Assert.Equal(window.Count, calibration.Crops);
            Assert.Equal(mean, calibration.Mean, 1e-6);
            Assert.Equal(sd, calibration.StandardDeviation, 1e-6);
            Assert.Equal(window.Count >= 10, calibration.Ready);
        }
    }

    [Fact]
    public void TheScoreIsStandardisedAgainstTheWindowBeforeTheCropJoinsIt()
    {
        var random = new Random(2);
        var matcher = new WatchlistMatcher(windowCapacity: 40, minCalibrationCrops: 20, minStandardDeviation: 1e-9);
        matcher.Reset(Model, Dimension);
        var text = RandomUnit(random);
        var watchlist = Watchlist("wl-00000000000000a2", threshold: WatchlistOptions.MinThreshold);
        matcher.Upsert(watchlist, text, Model);
        var window = Enumerable.Range(0, 40).Select(_ => RandomUnit(random)).ToList();
        matcher.Seed(window.Select((v, i) => ($"cam-a.{i}.0", v)));

        // A crop close to the description: well above the window's mean.
        var crop = Near(text, random, 0.3f);
        var (mean, sd) = BruteForce(text, window);
        var expected = (Cosine(text, crop) - mean) / sd;

        var hit = Assert.Single(matcher.Match("cam-a.99.0", "cam-a", crop));

        Assert.Equal(expected, hit.Score, 1e-5);
        Assert.Equal(Cosine(text, crop), hit.Similarity, 1e-6);
        Assert.True(hit.Score > 3, $"score {hit.Score}");

        // Afterwards the crop is in the window, the oldest one out.
        window.RemoveAt(0);
        window.Add(crop);
        Assert.Equal(BruteForce(text, window).Mean, matcher.CalibrationOf(watchlist.Id).Mean, 1e-6);
    }

    [Fact]
    public void NothingIsRaisedBeforeTheWindowHoldsTheMinimumCrops()
    {
        var random = new Random(3);
        var matcher = new WatchlistMatcher(windowCapacity: 100, minCalibrationCrops: 30, minStandardDeviation: 1e-9);
        matcher.Reset(Model, Dimension);
        var text = RandomUnit(random);
        var watchlist = Watchlist("wl-00000000000000a3", threshold: 1);
        matcher.Upsert(watchlist, text, Model);

        for (var i = 0; i < 30; i++)
        {
            // The description itself: the best possible match, and still nothing while calibrating.
            Assert.False(matcher.CalibrationOf(watchlist.Id).Ready);
            Assert.Empty(matcher.Match($"cam-a.{i}.0", "cam-a", i == 29 ? text : RandomUnit(random)));
        }

        Assert.True(matcher.CalibrationOf(watchlist.Id).Ready);
        Assert.Single(matcher.Match("cam-a.100.0", "cam-a", text));
    }

    [Fact]
    public void AWatchlistAddedLaterIsCalibratedOnTheWholeWindowAtOnce()
    {
        var random = new Random(4);
        var matcher = new WatchlistMatcher(windowCapacity: 64, minCalibrationCrops: 8, minStandardDeviation: 1e-9);
        matcher.Reset(Model, Dimension);
        var window = Enumerable.Range(0, 100).Select(_ => RandomUnit(random)).ToList();
        for (var i = 0; i < window.Count; i++)
            matcher.Match($"cam-a.{i}.0", "cam-a", window[i]);

        var text = RandomUnit(random);
        matcher.Upsert(Watchlist("wl-00000000000000a4"), text, Model);

        var (mean, sd) = BruteForce(text, window.TakeLast(64).ToList());
        var calibration = matcher.CalibrationOf("wl-00000000000000a4");
        Assert.Equal(64, calibration.Crops);
        Assert.Equal(mean, calibration.Mean, 1e-6);
        Assert.Equal(sd, calibration.StandardDeviation, 1e-6);
    }

    [Fact]
    public void TheStandardDeviationFloorKeepsANarrowWindowFromInflatingScores()
    {
        var random = new Random(5);
        var matcher = new WatchlistMatcher(windowCapacity: 20, minCalibrationCrops: 5, minStandardDeviation: 0.05);
        matcher.Reset(Model, Dimension);
        var text = RandomUnit(random);
        matcher.Upsert(Watchlist("wl-00000000000000a5", threshold: 0.5), text, Model);
        var same = RandomUnit(random);
        for (var i = 0; i < 20; i++)
            matcher.Match($"cam-a.{i}.0", "cam-a", same); // one crop over and over: standard deviation 0
        Assert.Equal(0, matcher.CalibrationOf("wl-00000000000000a5").StandardDeviation, 1e-6);

        var crop = Near(same, random, 0.05f);
        var hits = matcher.Match("cam-a.50.0", "cam-a", crop);

        var expected = (Cosine(text, crop) - Cosine(text, same)) / 0.05;
        if (expected >= 0.5)
            Assert.Equal(expected, Assert.Single(hits).Score, 1e-6);
        else
            Assert.Empty(hits);
    }

    [Fact]
    public void ACropAlreadyInTheWindowDoesNotJoinItTwice()
    {
        var random = new Random(6);
        var matcher = new WatchlistMatcher(windowCapacity: 10, minCalibrationCrops: 2, minStandardDeviation: 1e-9);
        matcher.Reset(Model, Dimension);
        matcher.Upsert(Watchlist("wl-00000000000000a6"), RandomUnit(random), Model);
        var crop = RandomUnit(random);

        matcher.Match("cam-a.1.0", "cam-a", crop);
        matcher.Match("cam-a.1.0", "cam-a", crop);

        Assert.Equal(1, matcher.WindowCount);
    }

    [Fact]
    public void WatchlistsOfAnotherModelAreStaleAndRaiseNothingUntilReembedded()
    {
        var random = new Random(7);
        var matcher = new WatchlistMatcher(windowCapacity: 10, minCalibrationCrops: 2, minStandardDeviation: 1e-9);
        matcher.Reset(Model, Dimension);
        var text = RandomUnit(random);
        var watchlist = Watchlist("wl-00000000000000a7", threshold: 0.5);
        matcher.Upsert(watchlist, text, "model-old");
        for (var i = 0; i < 5; i++)
            matcher.Match($"cam-a.{i}.0", "cam-a", RandomUnit(random));

        Assert.True(matcher.AnyStale);
        Assert.Equal(watchlist, Assert.Single(matcher.Stale()));
        Assert.Empty(matcher.Match("cam-a.9.0", "cam-a", text));
        Assert.False(matcher.CalibrationOf(watchlist.Id).Ready);

        matcher.Upsert(watchlist, text, Model);
        Assert.False(matcher.AnyStale);
        Assert.Equal(6, matcher.CalibrationOf(watchlist.Id).Crops);
    }

    [Fact]
    public void ACameraLimitedWatchlistIgnoresOtherCameras()
    {
        var random = new Random(8);
        var matcher = new WatchlistMatcher(windowCapacity: 10, minCalibrationCrops: 5, minStandardDeviation: 1e-9);
        matcher.Reset(Model, Dimension);
        var text = RandomUnit(random);
        matcher.Upsert(Watchlist("wl-00000000000000a8", threshold: 1, cameras: ["cam-b"]), text, Model);
        for (var i = 0; i < 10; i++)
            matcher.Match($"cam-a.{i}.0", "cam-a", RandomUnit(random));

        Assert.Empty(matcher.Match("cam-a.20.0", "cam-a", text));
        Assert.Single(matcher.Match("cam-b.20.0", "cam-b", text));
    }

    [Fact]
    public void AVectorOfAnotherDimensionIsRefused()
    {
        var matcher = new WatchlistMatcher(10, 2, 1e-9);
        matcher.Reset(Model, Dimension);

        Assert.Throws<ArgumentException>(() => matcher.Match("cam-a.1.0", "cam-a", new float[Dimension + 1]));
    }

    internal static Watchlist Watchlist(string id, double threshold = 3, IReadOnlyList<string>? cameras = null) =>
        new(id, "test", "a description", threshold, cameras, "user:test", "test", DateTimeOffset.UnixEpoch, Model);

    private static (double Mean, double Sd) BruteForce(float[] text, IReadOnlyList<float[]> window)
    {
        var scores = window.Select(crop => Cosine(text, crop)).ToArray();
        var mean = scores.Average();
        return (mean, Math.Sqrt(scores.Sum(s => (s - mean) * (s - mean)) / scores.Length));
    }

    private static double Cosine(float[] a, float[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
            sum += (double)a[i] * b[i];
        return sum;
    }

    private static float[] RandomUnit(Random random) =>
        WatchlistModel.Unit([.. Enumerable.Range(0, Dimension).Select(_ => (float)((random.NextDouble() * 2) - 1))]);

    private static float[] Near(float[] center, Random random, float noise) =>
        WatchlistModel.Unit([.. center.Select(v => v + (noise * (float)((random.NextDouble() * 2) - 1)))]);
}
