using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace VfeTps.Stream.Watchlists.Tests;

/// <summary>The matcher in a running host: real image and text embeddings, real index and database.</summary>
public sealed class MatchingTests(WatchlistModel model) : IDisposable
{
    /// <summary>A description whose own vector stands well above the pool's crops with the tiny model (about 3.9 standard deviations; the best pool crop about 2.9).</summary>
    internal const string Description = "a woman with a blue skirt and a white top";
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task TheDescriptionsOwnVectorHitsAndEveryScoreMatchesTheBruteForce()
    {
        await using var host = await WatchlistHost.StartAsync(model, _folder);
        var watchlist = await host.CreateAsync("blue skirt", Description);
        var text = model.EmbedText(Description);
        var near = TestCrops.Near(text, 0.2, seed: 1);

        var crops = TestCrops.Ordinary(model, "cam-a", 0, 200, firstTrack: 1)
            .Append(TestCrops.Embedded(model.Version, "cam-a", 1000, text))
            .Append(TestCrops.Embedded(model.Version, "cam-a", 1001, near))
            .Concat(TestCrops.Ordinary(model, "cam-a", 200, 150, firstTrack: 201))
            .ToList();
        await host.FeedAsync(crops);

        var expected = BruteForce.Hits(text, [], crops.Select(c => (c.Crop.TrackId, c.Vector)), 256, 64, 3.0);
        var hits = await HitsAsync(host.Client());
        Assert.Equal(expected.Keys.Order(), hits.Select(h => h.TrackId).Order());
        foreach (var hit in hits)
        {
            Assert.Equal(expected[hit.TrackId], hit.Score, 1e-3);
            Assert.Equal(watchlist.Id, hit.WatchlistId);
            Assert.Equal("blue skirt", hit.WatchlistName);
        }

        // The description's own vector, and one close to it, stand far above the ordinary crops; they do not.
        Assert.Contains(1000L, expected.Keys);
        Assert.Contains(1001L, expected.Keys);
        Assert.True(expected[1000] > 3.5, $"the description's own vector scored {expected[1000]:0.00}");
        Assert.Equal(1.0, hits.Single(h => h.TrackId == 1000).Similarity, 1e-4);
        Assert.DoesNotContain(expected.Keys, track => track < 1000 || track > 1001);
        Assert.Equal(2, host.Metrics.HitsRaised);
        Assert.Equal(crops.Count, host.Metrics.CropsMatched);

        var shown = Assert.Single(await ListAsync(host.Client()));
        Assert.Equal(2, shown.Hits);
        Assert.True(shown.Calibration.Ready);
        Assert.Equal(256, shown.Calibration.Crops);
        var (mean, sd) = BruteForce.Describe(crops.TakeLast(256).Select(c => BruteForce.Cosine(text, c.Vector)).ToList());
        Assert.Equal(mean, shown.Calibration.Mean, 1e-5);
        Assert.Equal(sd, shown.Calibration.StandardDeviation, 1e-5);
    }

    [Fact]
    public async Task NothingIsRaisedUntilTheWindowHoldsTheMinimumCrops()
    {
        await using var host = await WatchlistHost.StartAsync(model, _folder);
        await host.CreateAsync("blue skirt", Description);
        var text = model.EmbedText(Description);

        await host.FeedAsync(TestCrops.Ordinary(model, "cam-a", 0, 63, firstTrack: 1));
        var calibrating = Assert.Single(await ListAsync(host.Client())).Calibration;
        Assert.False(calibrating.Ready);
        Assert.Equal(63, calibrating.Crops);

        // The best possible match, one crop short of the minimum: nothing.
        await host.FeedAsync([TestCrops.Embedded(model.Version, "cam-a", 1000, text)]);
        Assert.Empty(await HitsAsync(host.Client()));
        Assert.True(Assert.Single(await ListAsync(host.Client())).Calibration.Ready);

        await host.FeedAsync([TestCrops.Embedded(model.Version, "cam-a", 1001, text)]);
        Assert.Equal(1001, Assert.Single(await HitsAsync(host.Client())).TrackId);
    }

    [Fact]
    public async Task TheWindowIsSeededWithTheIndexsNewestCropsAtStart()
    {
        // 300 crops in the index, written out of capture order; the window (256) takes the newest 256 by capture time.
        var points = Enumerable.Range(0, 300)
            .Select(i => TestCrops.Point(model.Version, "cam-a", i + 1, model.Pool[i], TestCrops.Start.AddSeconds(((i * 37) % 300) + 1)))
            .ToList();
        await using var host = await WatchlistHost.StartAsync(model, _folder, beforeStart: index => index.UpsertAsync(points, TestContext.Current.CancellationToken));
        await Eventually.HoldsAsync(() => host.Matcher.WindowCount == 256, TimeSpan.FromSeconds(30), () => $"window holds {host.Matcher.WindowCount} crops");

        await host.CreateAsync("blue skirt", Description);
        var text = model.EmbedText(Description);

        var newest = points.OrderByDescending(p => p.Payload.CaptureTime).Take(256).Select(p => BruteForce.Cosine(text, p.Vector)).ToList();
        var (mean, sd) = BruteForce.Describe(newest);
        var calibration = Assert.Single(await ListAsync(host.Client())).Calibration;
        Assert.True(calibration.Ready);
        Assert.Equal(256, calibration.Crops);
        Assert.Equal(mean, calibration.Mean, 1e-5);
        Assert.Equal(sd, calibration.StandardDeviation, 1e-5);

        // Ready from the first live crop on.
        await host.FeedAsync([TestCrops.Embedded(model.Version, "cam-a", 1000, text)]);
        Assert.Single(await HitsAsync(host.Client()));
    }

    [Fact]
    public async Task ATrackHitsAWatchlistOnce()
    {
        await using var host = await WatchlistHost.StartAsync(model, _folder);
        await host.CreateAsync("blue skirt", Description);
        var text = model.EmbedText(Description);
        await host.FeedAsync(TestCrops.Ordinary(model, "cam-a", 0, 250, firstTrack: 1));

        await host.FeedAsync(Enumerable.Range(0, 3).Select(shot => TestCrops.Embedded(model.Version, "cam-a", 5000, TestCrops.Near(text, 0.05, shot), shot)));
        var first = Assert.Single(await HitsAsync(host.Client()));
        Assert.Equal("cam-a.5000.0", first.CropId);

        // Another track, and the same track number on another camera, are other people.
        await host.FeedAsync([TestCrops.Embedded(model.Version, "cam-a", 5001, text), TestCrops.Embedded(model.Version, "cam-b", 5000, text)]);
        Assert.Equal(["cam-a.5000.0", "cam-a.5001.0", "cam-b.5000.0"], (await HitsAsync(host.Client())).Select(h => h.CropId).Order());
    }

    [Fact]
    public async Task ACameraLimitedWatchlistIgnoresOtherCameras()
    {
        await using var host = await WatchlistHost.StartAsync(model, _folder);
        var watchlist = await host.CreateAsync("blue skirt", Description, cameras: ["cam-b"]);
        Assert.Equal(["cam-b"], watchlist.Cameras);
        var text = model.EmbedText(Description);
        await host.FeedAsync(TestCrops.Ordinary(model, "cam-a", 0, 250, firstTrack: 1));

        await host.FeedAsync([TestCrops.Embedded(model.Version, "cam-a", 1000, text), TestCrops.Embedded(model.Version, "cam-b", 1001, text)]);

        Assert.Equal("cam-b", Assert.Single(await HitsAsync(host.Client())).CameraId);
    }

    [Fact]
    public async Task MalformedNotificationsAreSkippedAndMatchingGoesOn()
    {
        using var logs = new RecordingLoggerProvider();
        await using var host = await WatchlistHost.StartAsync(model, _folder, logs: logs);
        await host.CreateAsync("blue skirt", Description);
        var text = model.EmbedText(Description);
        await host.FeedAsync(TestCrops.Ordinary(model, "cam-a", 0, 250, firstTrack: 1));
        var nan = (float[])text.Clone();
        nan[3] = float.NaN;
        var good = TestCrops.Embedded(model.Version, "cam-a", 2000, text);

        await host.FeedAsync(
        [
            good with { Vector = new float[model.Dimension + 1] },
            good with { Vector = nan },
            good with { Vector = new float[model.Dimension] },
            good with { Vector = null! },
            good with { Crop = good.Crop with { CropId = "../../etc/passwd\n" } },
            good with { Crop = good.Crop with { CameraId = "cam-b" } },
            good with { Crop = good.Crop with { TrackId = 7 } },
            good with { Crop = null! },
            null!,
            good with { ModelVersion = null! },
        ]);

        Assert.Equal(4, host.Metrics.CropsSkipped(SkipReasons.Vector));
        Assert.Equal(5, host.Metrics.CropsSkipped(SkipReasons.CropId));
        Assert.Equal(1, host.Metrics.CropsSkipped(SkipReasons.ModelVersion));
        Assert.Empty(await HitsAsync(host.Client()));
        Assert.Equal(250, host.Matcher.WindowCount); // none of them joined the window
        var skipped = logs.Entries.Where(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Message.Contains("skipped by the watchlists", StringComparison.Ordinal)).ToList();
        Assert.Equal(10, skipped.Count); // one line each
        Assert.Contains(skipped, e => e.Message.StartsWith("Crop ../../etc/passwd? skipped", StringComparison.Ordinal)); // a hostile id cannot forge log lines

        await host.FeedAsync([good]);
        Assert.Equal("cam-a.2000.0", Assert.Single(await HitsAsync(host.Client())).CropId);
    }

    [Fact]
    public async Task AHitThatCannotBeStoredIsLoggedAndMatchingGoesOn()
    {
        using var logs = new RecordingLoggerProvider();
        await using var host = await WatchlistHost.StartAsync(model, _folder, logs: logs);
        await host.CreateAsync("blue skirt", Description);
        var text = model.EmbedText(Description);
        await host.FeedAsync(TestCrops.Ordinary(model, "cam-a", 0, 250, firstTrack: 1));
        var database = host.App.Services.GetRequiredService<Storage.SiteDatabase>();

        database.Execute("DROP TABLE watchlist_hits;"); // the database breaks under the matcher
        await host.FeedAsync([TestCrops.Embedded(model.Version, "cam-a", 1000, text)]);
        Assert.Contains(logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Message.Contains("Storing the hit", StringComparison.Ordinal));

        WatchlistTables.Create(database);
        await host.FeedAsync([TestCrops.Embedded(model.Version, "cam-a", 1001, text)]);
        Assert.Equal(1001, Assert.Single(await HitsAsync(host.Client())).TrackId);
    }

    [Fact]
    public async Task CropsOfAnotherModelAreSkipped()
    {
        await using var host = await WatchlistHost.StartAsync(model, _folder);
        var watchlist = await host.CreateAsync("blue skirt", Description);
        Assert.Equal(model.Version, watchlist.ModelVersion);
        var text = model.EmbedText(Description);
        await host.FeedAsync(TestCrops.Ordinary(model, "cam-a", 0, 250, firstTrack: 1));

        // The same numbers from another model mean nothing here: not matched, not in the window.
        await host.FeedAsync(Enumerable.Range(0, 3).Select(i => TestCrops.Embedded("other-model-20270101", "cam-a", 3000 + i, text)));

        Assert.Equal(3, host.Metrics.CropsSkipped(SkipReasons.ModelVersion));
        Assert.Empty(await HitsAsync(host.Client()));
        Assert.Equal(250, host.Matcher.WindowCount);
        Assert.Equal(model.Version, host.Matcher.ModelVersion);

        await host.FeedAsync([TestCrops.Embedded(model.Version, "cam-a", 3000, text)]);
        Assert.Single(await HitsAsync(host.Client()));
    }

    [Fact]
    public async Task WatchlistsAndHitsSurviveARestart()
    {
        var points = Enumerable.Range(0, 250)
            .Select(i => TestCrops.Point(model.Version, "cam-a", i + 1, model.Pool[i], TestCrops.Start.AddSeconds(i)))
            .ToList();
        var text = model.EmbedText(Description);
        WatchlistResponse created;
        HitResponse before;
        await using (var first = await WatchlistHost.StartAsync(model, _folder, beforeStart: index => index.UpsertAsync(points, TestContext.Current.CancellationToken)))
        {
            await Eventually.HoldsAsync(() => first.Matcher.WindowCount == 250, TimeSpan.FromSeconds(30), () => "the window is seeded");
            created = await first.CreateAsync("blue skirt", Description, threshold: 2.5);
            await first.FeedAsync([TestCrops.Embedded(model.Version, "cam-a", 7000, text)]);
            before = Assert.Single(await HitsAsync(first.Client()));
        }

        await using var second = await WatchlistHost.StartAsync(model, _folder);
        await Eventually.HoldsAsync(() => second.Matcher.WindowCount == 250, TimeSpan.FromSeconds(30), () => "the window is seeded again");

        var shown = Assert.Single(await ListAsync(second.Client()));
        Assert.Equal(created with { Calibration = shown.Calibration, Hits = 1, LastHitAt = before.RaisedAt }, shown);
        Assert.True(shown.Calibration.Ready);
        Assert.Equal(before, Assert.Single(await HitsAsync(second.Client())));

        // The track that hit before the restart does not hit again; a new one does, with a later id.
        await second.FeedAsync([TestCrops.Embedded(model.Version, "cam-a", 7000, text, shot: 1), TestCrops.Embedded(model.Version, "cam-a", 7001, text)]);
        var hits = await HitsAsync(second.Client());
        Assert.Equal([7001L, 7000L], hits.Select(h => h.TrackId));
        Assert.True(hits[0].Id > before.Id);
    }

    [Fact]
    public async Task WhenCropsComeFromANewServingModelTheWatchlistsAreReembeddedAndRecalibrated()
    {
        // The committed bundle under another version name: a "new model" the serving model can swap to.
        var relabelled = _folder.CreateSubdirectory("relabelled");
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.DefaultModel, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(relabelled, Path.GetRelativePath(RepositoryPaths.DefaultModel, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var manifest = Path.Combine(relabelled, "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace($"\"{model.Version}\"", "\"tiny-relabelled-1\"", StringComparison.Ordinal));
        using var serving = new Inference.ServingModel(
            new Inference.ModelBundleLoader(new Inference.InferenceOptions { ExecutionProvider = Inference.ExecutionProviderPreference.Cpu, IntraOpThreads = 1 }),
            RepositoryPaths.DefaultModel);
        await using var host = await WatchlistHost.StartAsync(model, _folder, serving: serving);
        var watchlist = await host.CreateAsync("blue skirt", Description);
        await host.FeedAsync(TestCrops.Ordinary(model, "cam-a", 0, 250, firstTrack: 1));
        Assert.True(Assert.Single(await ListAsync(host.Client())).Calibration.Ready);

        Assert.True(serving.TrySwap(relabelled).Succeeded);
        await host.FeedAsync(TestCrops.Ordinary(model, "cam-a", 0, 10, firstTrack: 300).Select(c => c with { ModelVersion = "tiny-relabelled-1" }));

        var shown = Assert.Single(await ListAsync(host.Client()));
        Assert.Equal(watchlist.Id, shown.Id);
        Assert.Equal("tiny-relabelled-1", shown.ModelVersion);
        Assert.Equal(10, shown.Calibration.Crops); // the window restarted: the old model's crops do not compare
        Assert.False(shown.Calibration.Ready);
        Assert.Equal("tiny-relabelled-1", host.Store.Get(watchlist.Id)!.ModelVersion);

        // Late crops of the old model are skipped now.
        await host.FeedAsync(TestCrops.Ordinary(model, "cam-a", 20, 5, firstTrack: 400));
        Assert.Equal(5, host.Metrics.CropsSkipped(SkipReasons.ModelVersion));
        Assert.Equal(10, host.Matcher.WindowCount);
    }

    internal static async Task<List<HitResponse>> HitsAsync(HttpClient client, string query = "")
    {
        using (client)
            return (await client.GetFromJsonAsync<List<HitResponse>>($"/api/watchlists/hits{query}", TestContext.Current.CancellationToken))!;
    }

    internal static async Task<List<WatchlistResponse>> ListAsync(HttpClient client)
    {
        using (client)
            return (await client.GetFromJsonAsync<List<WatchlistResponse>>("/api/watchlists", TestContext.Current.CancellationToken))!;
    }
}
