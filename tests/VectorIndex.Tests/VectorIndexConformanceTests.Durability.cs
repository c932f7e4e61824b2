namespace VfeTps.Stream.VectorIndex.Tests;

/// <summary>Writes: replacement by crop id, restarts, retention, concurrent use.</summary>
public abstract partial class VectorIndexConformanceTests
{
    [Fact]
    public async Task AnUpsertOfAKnownCropReplacesItsVectorAndPayload()
    {
        await using var index = await Store.OpenAsync("model-a", 32, Token);
        var random = new Random(30);
        var others = TestCrops.Scene(random, 32, cameras: 2, tracksPerCamera: 20, maxShots: 3, TimeSpan.FromHours(1));
        var before = TestCrops.RandomUnit(random, 32);
        var after = TestCrops.RandomUnit(random, 32);
        var original = TestCrops.Crop("cam-0", 500, 0, TestCrops.Start, before);
        var replacement = original with
        {
            Vector = after,
            Payload = original.Payload with { CameraId = "cam-9", TrackId = 501, CaptureTime = TestCrops.Start.AddHours(3), Quality = 0.99f },
        };
        await index.UpsertAsync([.. others, original], Token);

        await index.UpsertAsync([replacement], Token);

        Assert.Equal(others.Count + 1, await index.CountAsync(Token));
        Assert.Equal(replacement.Payload, (await index.GetAsync(original.CropId, Token))!.Payload);
        var nearAfter = await index.SearchAsync(new VectorQuery(after, 1), Token);
        Assert.Equal(original.CropId, nearAfter[0].CropId);
        Assert.Equal(1.0, nearAfter[0].Score, Reference.Tolerance);
        Assert.Equal(replacement.Payload, nearAfter[0].Payload);
        var nearBefore = await index.SearchAsync(new VectorQuery(before, 5), Token);
        Assert.DoesNotContain(nearBefore, h => h.CropId == original.CropId && h.Score > 0.99);

        // The old camera and track no longer hold it; the new ones do.
        Assert.Empty(await index.SearchAsync(new VectorQuery(after, 10, Cameras: ["cam-0"], From: TestCrops.Start.AddHours(2)), Token));
        var track = Assert.Single(await index.SearchTracksAsync(new VectorQuery(after, 10, Cameras: ["cam-9"]), 3, Token));
        Assert.Equal(501, track.TrackId);
        Assert.Equal(1, track.MatchingCrops);
        Assert.DoesNotContain(await index.SearchTracksAsync(new VectorQuery(before, VectorQuery.MaxLimit), 1, Token), static t => t.TrackId == 500);
        Reference.AssertExactTopK(
            await index.SearchAsync(new VectorQuery(before, 20), Token), Reference.Ranked([.. others, replacement], new VectorQuery(before, 20)), 20);
    }

    [Fact]
    public async Task ARedeliveredBatchChangesNothing()
    {
        await using var index = await Store.OpenAsync("model-a", 32, Token);
        var random = new Random(31);
        var crops = TestCrops.Scene(random, 32, cameras: 2, tracksPerCamera: 15, maxShots: 3, TimeSpan.FromHours(1));
        var query = new VectorQuery(TestCrops.RandomUnit(random, 32), 20);
        await index.UpsertAsync(crops, Token);
        var first = await index.SearchAsync(query, Token);

        await index.UpsertAsync(crops, Token);
        await index.UpsertAsync(crops.Take(5).ToList(), Token);

        Assert.Equal(crops.Count, await index.CountAsync(Token));
        Assert.Equal(first.Select(static h => h.CropId), (await index.SearchAsync(query, Token)).Select(static h => h.CropId));
    }

    [Fact]
    public async Task EverythingDurableSurvivesARestart()
    {
        const int dimension = 48;
        var random = new Random(32);
        var crops = TestCrops.Scene(random, dimension, cameras: 4, tracksPerCamera: 40, maxShots: 5, TimeSpan.FromHours(3));
        var replaced = crops.Where((_, i) => i % 7 == 0).Select(c => c with { Vector = TestCrops.RandomUnit(random, dimension), Payload = c.Payload with { Quality = 0.01f } }).ToList();
        var cutoff = TestCrops.Start.AddMinutes(40);
        var queries = Enumerable.Range(0, 8).Select(q => new VectorQuery(
            TestCrops.RandomUnit(random, dimension), 20, Cameras: q % 2 == 0 ? null : ["cam-1", "cam-2"], From: q % 3 == 0 ? TestCrops.Start.AddMinutes(60) : null)).ToList();
        List<IReadOnlyList<VectorHit>> before = [];
        List<IReadOnlyList<TrackHit>> tracksBefore = [];
        long deleted;
        await using (var index = await Store.OpenAsync("model-a", dimension, Token))
        {
            await TestCrops.UpsertInBatchesAsync(index, crops, 64, Token);
            await TestCrops.UpsertInBatchesAsync(index, replaced, 16, Token);
            deleted = await index.DeleteCapturedBeforeAsync(cutoff, Token);
            foreach (var query in queries)
            {
                before.Add(await index.SearchAsync(query, Token));
                tracksBefore.Add(await index.SearchTracksAsync(query, 2, Token));
            }
        }

        var expected = Reference.Latest([.. crops, .. replaced]).Where(c => c.Payload.CaptureTime >= cutoff).ToList();
        Assert.Equal(crops.Count - expected.Count, deleted);

        var reopened = ReopenStore();
        Assert.Contains("model-a", await reopened.ListAsync(Token));
        await using (var index = await reopened.OpenAsync("model-a", dimension, Token))
        {
            Assert.Equal(expected.Count, await index.CountAsync(Token));
            for (var q = 0; q < queries.Count; q++)
            {
                var after = await index.SearchAsync(queries[q], Token);
                Assert.Equal(before[q].Select(static h => (h.CropId, h.Payload)), after.Select(static h => (h.CropId, h.Payload)));
                Reference.AssertExactTopK(after, Reference.Ranked(expected, queries[q]), queries[q].Limit);
                var tracks = await index.SearchTracksAsync(queries[q], 2, Token);
                Assert.Equal(tracksBefore[q].Select(static t => (t.CameraId, t.TrackId, t.MatchingCrops)), tracks.Select(static t => (t.CameraId, t.TrackId, t.MatchingCrops)));
            }

            foreach (var crop in expected.Take(50))
            {
                var stored = await index.GetAsync(crop.CropId, Token);
                Assert.Equal(crop.Payload, stored?.Payload);
                Assert.Equal(1.0, Reference.Cosine(crop.Vector, stored!.Vector), 1e-5);
            }

            foreach (var gone in crops.Where(c => c.Payload.CaptureTime < cutoff).Take(20))
            {
                Assert.Null(await index.GetAsync(gone.CropId, Token));
            }

            // It goes on taking writes after the restart.
            await index.UpsertAsync([TestCrops.Crop("cam-7", 1, 0, TestCrops.Start.AddHours(4), TestCrops.RandomUnit(random, dimension))], Token);
            Assert.Equal(expected.Count + 1, await index.CountAsync(Token));
        }
    }

    [Fact]
    public async Task RetentionDeletesWhatWasCapturedBeforeTheCutoff()
    {
        const int dimension = 24;
        var random = new Random(33);
        var crops = TestCrops.Scene(random, dimension, cameras: 3, tracksPerCamera: 50, maxShots: 4, TimeSpan.FromHours(4));
        await using var index = await Store.OpenAsync("model-a", dimension, Token);
        await TestCrops.UpsertInBatchesAsync(index, crops, 100, Token);

        // A cutoff equal to a capture time keeps that crop (strictly before is deleted).
        var cutoff = crops[crops.Count / 3].Payload.CaptureTime;
        var expectedDeleted = crops.Count(c => c.Payload.CaptureTime < cutoff);
        Assert.Equal(expectedDeleted, await index.DeleteCapturedBeforeAsync(cutoff, Token));
        Assert.Equal(crops.Count - expectedDeleted, await index.CountAsync(Token));
        Assert.NotNull(await index.GetAsync(crops[crops.Count / 3].CropId, Token));
        Assert.Equal(0, await index.DeleteCapturedBeforeAsync(cutoff, Token));

        var remaining = crops.Where(c => c.Payload.CaptureTime >= cutoff).ToList();
        var query = new VectorQuery(TestCrops.RandomUnit(random, dimension), 30);
        Reference.AssertExactTopK(await index.SearchAsync(query, Token), Reference.Ranked(remaining, query), 30);
        Reference.AssertTracks(await index.SearchTracksAsync(query, 3, Token), Reference.Tracks(remaining, query), 30, 3);

        // A track cut in two by the cutoff counts only its remaining crops.
        var everything = query with { Limit = VectorQuery.MaxLimit };
        Reference.AssertTracks(await index.SearchTracksAsync(everything, 5, Token), Reference.Tracks(remaining, everything), VectorQuery.MaxLimit, 5);

        // A cutoff in another time zone is the same instant.
        var later = crops[crops.Count / 2].Payload.CaptureTime;
        Assert.Equal(crops.Count(c => c.Payload.CaptureTime >= cutoff && c.Payload.CaptureTime < later), await index.DeleteCapturedBeforeAsync(later.ToOffset(TimeSpan.FromHours(-5)), Token));
        Assert.Equal(crops.Count(c => c.Payload.CaptureTime >= later), await index.CountAsync(Token));
    }

    [Fact]
    public async Task ConcurrentWritesAndSearchesStayConsistent()
    {
        const int dimension = 32;
        const int writers = 4;
        const int batches = 20;
        const int batchSize = 12;
        await using var index = await Store.OpenAsync("model-a", dimension, Token);
        var random = new Random(34);
        var perWriter = Enumerable.Range(0, writers).Select(w => Enumerable.Range(0, batches * batchSize)
            .Select(i => TestCrops.Crop(TestCrops.CameraName(w), i / 4, i % 4, TestCrops.Start.AddSeconds(i), TestCrops.RandomUnit(random, dimension)))
            .ToList()).ToList();
        var queries = Enumerable.Range(0, 16).Select(_ => TestCrops.RandomUnit(random, dimension)).ToList();
        using var writing = CancellationTokenSource.CreateLinkedTokenSource(Token);

        var writeTasks = perWriter.Select(crops => Task.Run(
            async () =>
            {
                for (var b = 0; b < batches; b++)
                {
                    var batch = crops.Skip(b * batchSize).Take(batchSize).ToList();
                    await index.UpsertAsync(batch, Token);
                    if (b % 5 == 4)
                    {
                        await index.UpsertAsync(batch, Token); // a redelivery
                    }
                }
            },
            Token)).ToList();
        var searchTasks = Enumerable.Range(0, 3).Select(s => Task.Run(
            async () =>
            {
                var searches = 0;
                var lastCount = 0L;
                while (!writing.IsCancellationRequested || searches < 5)
                {
                    // An index may answer synchronously: yield so that searchers cannot hold every pool thread.
                    await Task.Yield();
                    var query = new VectorQuery(queries[searches % queries.Count], 10, Cameras: s == 1 ? ["cam-1", "cam-2"] : null);
                    var hits = await index.SearchAsync(query, Token);
                    Assert.True(hits.Count <= 10);
                    Assert.Equal(hits.Count, hits.Select(static h => h.CropId).Distinct().Count());
                    Assert.True(hits.Zip(hits.Skip(1)).All(static p => p.First.Score >= p.Second.Score), "Hits are not best first.");
                    Assert.All(hits, h => Assert.True(s != 1 || h.Payload.CameraId is "cam-1" or "cam-2"));
                    var tracks = await index.SearchTracksAsync(query, 2, Token);
                    Assert.All(tracks, static t => Assert.InRange(t.Crops.Count, 1, Math.Min(2, t.MatchingCrops)));
                    var count = await index.CountAsync(Token);
                    Assert.True(count >= lastCount, "The count went backwards.");
                    lastCount = count;
                    searches++;
                }

                return searches;
            },
            Token)).ToList();

        await Task.WhenAll(writeTasks);
        await writing.CancelAsync();
        var searchCounts = await Task.WhenAll(searchTasks);

        Assert.All(searchCounts, static c => Assert.True(c >= 5));
        var all = perWriter.SelectMany(static c => c).ToList();
        Assert.Equal(all.Count, await index.CountAsync(Token));
        foreach (var vector in queries.Take(4))
        {
            var query = new VectorQuery(vector, 25);
            Reference.AssertExactTopK(await index.SearchAsync(query, Token), Reference.Ranked(all, query), 25);
        }
    }
}
