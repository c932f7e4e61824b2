namespace VfeTps.Stream.VectorIndex.Tests;

/// <summary>Search: nearest neighbours, filters inside the search, grouping by track.</summary>
public abstract partial class VectorIndexConformanceTests
{
    [Fact]
    public async Task SearchFindsTheNearestNeighbours()
    {
        const int dimension = 128;
        var random = new Random(20);
        var crops = TestCrops.Scene(random, dimension, cameras: 6, tracksPerCamera: 150, maxShots: 6, TimeSpan.FromHours(2));
        await using var index = await Store.OpenAsync("model-a", dimension, Token);
        await TestCrops.UpsertInBatchesAsync(index, crops, 500, Token);
        Assert.Equal(crops.Count, await index.CountAsync(Token));

        var recalls = new List<double>();
        for (var q = 0; q < 40; q++)
        {
            // Half the queries look like a stored person, half are anywhere.
            var vector = q % 2 == 0 ? TestCrops.Near(random, crops[random.Next(crops.Count)].Vector, 0.8) : TestCrops.RandomUnit(random, dimension);
            foreach (var limit in new[] { 1, 10, 50 })
            {
                var query = new VectorQuery(vector, limit);
                var hits = await index.SearchAsync(query, Token);
                var ranked = Reference.Ranked(crops, query);
                Assert.Equal(limit, hits.Count);
                for (var i = 0; i < hits.Count; i++)
                {
                    Assert.Equal(Reference.Cosine(vector, crops.Single(c => c.CropId == hits[i].CropId).Vector), hits[i].Score, Reference.Tolerance);
                    Assert.True(i == 0 || hits[i].Score <= hits[i - 1].Score + 1e-6, "Hits are not best first.");
                }

                if (limit == 10)
                {
                    recalls.Add(Reference.RecallAt(hits, ranked, 10));
                }
            }
        }

        Assert.True(recalls.Average() >= 0.99, $"recall@10 = {recalls.Average():F3}");
    }

    [Fact]
    public async Task ACameraFilterIsAppliedInsideTheSearch()
    {
        var (index, crops, query) = await HotSpotAsync(dimension: 48, seed: 21);
        await using (index)
        {
            // The unfiltered best are all on the camera the filter leaves out: the test means something.
            Assert.All(await index.SearchAsync(query with { Limit = 10 }, Token), static h => Assert.Equal("cam-hot", h.Payload.CameraId));

            foreach (var limit in new[] { 1, 10, 40 })
            {
                var filtered = query with { Limit = limit, Cameras = ["cam-0", "cam-2"] };
                var hits = await index.SearchAsync(filtered, Token);

                Reference.AssertExactTopK(hits, Reference.Ranked(crops, filtered), limit);
                Assert.All(hits, static h => Assert.Contains(h.Payload.CameraId, new[] { "cam-0", "cam-2" }));
            }
        }
    }

    [Fact]
    public async Task ATimeRangeIsAppliedInsideTheSearch()
    {
        var (index, crops, query) = await HotSpotAsync(dimension: 48, seed: 22);
        await using (index)
        {
            // The hot spot lies in the first ten minutes; the range starts after it.
            var ranged = query with { Limit = 25, From = TestCrops.Start.AddMinutes(30), To = TestCrops.Start.AddMinutes(90) };
            var hits = await index.SearchAsync(ranged, Token);

            Reference.AssertExactTopK(hits, Reference.Ranked(crops, ranged), 25);
            Assert.All(hits, h => Assert.InRange(h.Payload.CaptureTime, ranged.From!.Value, ranged.To!.Value));

            // Open-ended ranges too.
            foreach (var open in new[] { query with { Limit = 25, From = TestCrops.Start.AddMinutes(45) }, query with { Limit = 25, To = TestCrops.Start.AddMinutes(5) } })
            {
                Reference.AssertExactTopK(await index.SearchAsync(open, Token), Reference.Ranked(crops, open), 25);
            }
        }
    }

    [Fact]
    public async Task CameraAndTimeFiltersCombine()
    {
        var (index, crops, query) = await HotSpotAsync(dimension: 48, seed: 23);
        await using (index)
        {
            var both = query with { Limit = 15, Cameras = ["cam-1", "cam-hot"], From = TestCrops.Start.AddMinutes(20), To = TestCrops.Start.AddMinutes(100) };
            Reference.AssertExactTopK(await index.SearchAsync(both, Token), Reference.Ranked(crops, both), 15);

            // Unknown cameras match nothing, alone or beside known ones.
            Assert.Empty(await index.SearchAsync(query with { Cameras = ["cam-nowhere"] }, Token));
            Assert.Empty(await index.SearchTracksAsync(query with { Cameras = ["cam-nowhere"] }, 2, Token));
            var mixed = query with { Limit = 15, Cameras = ["cam-nowhere", "cam-1"] };
            Reference.AssertExactTopK(await index.SearchAsync(mixed, Token), Reference.Ranked(crops, mixed), 15);

            // An empty camera set means every camera.
            var all = query with { Limit = 15, Cameras = [] };
            Reference.AssertExactTopK(await index.SearchAsync(all, Token), Reference.Ranked(crops, all), 15);

            // An empty time range matches nothing.
            Assert.Empty(await index.SearchAsync(query with { From = TestCrops.Start.AddMinutes(50), To = TestCrops.Start.AddMinutes(50) }, Token));
        }
    }

    [Fact]
    public async Task TheTimeRangeIncludesFromAndExcludesTo()
    {
        await using var index = await Store.OpenAsync("model-a", 16, Token);
        var random = new Random(24);
        var from = TestCrops.Start.AddHours(1);
        var to = TestCrops.Start.AddHours(2);
        var plusTwo = TimeSpan.FromHours(2);
        var crops = new[]
        {
            TestCrops.Crop("cam-0", 1, 0, from.AddTicks(-1), TestCrops.RandomUnit(random, 16)),
            TestCrops.Crop("cam-0", 2, 0, from, TestCrops.RandomUnit(random, 16)),
            TestCrops.Crop("cam-0", 3, 0, to.AddTicks(-1), TestCrops.RandomUnit(random, 16)),
            TestCrops.Crop("cam-0", 4, 0, to, TestCrops.RandomUnit(random, 16)),

            // The same instants written in another time zone: compared as instants.
            TestCrops.Crop("cam-0", 5, 0, from.ToOffset(plusTwo), TestCrops.RandomUnit(random, 16)),
            TestCrops.Crop("cam-0", 6, 0, to.ToOffset(plusTwo), TestCrops.RandomUnit(random, 16)),
        };
        await index.UpsertAsync(crops, Token);

        var hits = await index.SearchAsync(new VectorQuery(TestCrops.RandomUnit(random, 16), 10, From: from, To: to), Token);
        Assert.Equal(["cam-0.2.0", "cam-0.3.0", "cam-0.5.0"], hits.Select(static h => h.CropId).Order(StringComparer.Ordinal));

        var tracks = await index.SearchTracksAsync(new VectorQuery(TestCrops.RandomUnit(random, 16), 10, From: from.ToOffset(plusTwo), To: to.ToOffset(plusTwo)), 1, Token);
        Assert.Equal([2L, 3L, 5L], tracks.Select(static t => t.TrackId).Order());
        Assert.Equal(crops[4].Payload, (await index.GetAsync("cam-0.5.0", Token))!.Payload);
    }

    [Fact]
    public async Task ALimitBeyondThePassingPointsReturnsThemAll()
    {
        await using var index = await Store.OpenAsync("model-a", 16, Token);
        var random = new Random(25);
        var crops = TestCrops.Scene(random, 16, cameras: 3, tracksPerCamera: 10, maxShots: 3, TimeSpan.FromHours(1));
        await index.UpsertAsync(crops, Token);
        var query = new VectorQuery(TestCrops.RandomUnit(random, 16), VectorQuery.MaxLimit, Cameras: ["cam-1"]);

        var ranked = Reference.Ranked(crops, query);
        Reference.AssertExactTopK(await index.SearchAsync(query, Token), ranked, VectorQuery.MaxLimit);
        Reference.AssertTracks(await index.SearchTracksAsync(query, 100, Token), Reference.Tracks(crops, query), VectorQuery.MaxLimit, 100);
    }

    [Fact]
    public async Task GroupedSearchReturnsEachTrackOnceWithItsBestCrops()
    {
        const int dimension = 64;
        var random = new Random(26);
        var crops = TestCrops.Scene(random, dimension, cameras: 4, tracksPerCamera: 60, maxShots: 7, TimeSpan.FromHours(2));
        await using var index = await Store.OpenAsync("model-a", dimension, Token);
        await TestCrops.UpsertInBatchesAsync(index, crops, 300, Token);

        for (var q = 0; q < 12; q++)
        {
            var vector = q % 3 == 0 ? TestCrops.RandomUnit(random, dimension) : TestCrops.Near(random, crops[random.Next(crops.Count)].Vector, 0.5);
            var query = new VectorQuery(vector, 1 + (q * 3)) with
            {
                Cameras = q % 4 == 1 ? ["cam-0", "cam-3"] : null,
                From = q % 4 == 2 ? TestCrops.Start.AddMinutes(30) : null,
                To = q % 4 == 2 ? TestCrops.Start.AddMinutes(80) : null,
            };
            var cropsPerTrack = 1 + (q % 4);

            var hits = await index.SearchTracksAsync(query, cropsPerTrack, Token);

            Reference.AssertTracks(hits, Reference.Tracks(crops, query), query.Limit, cropsPerTrack);
        }
    }

    [Fact]
    public async Task GroupedSearchCountsOnlyTheCropsThatPassTheFilters()
    {
        await using var index = await Store.OpenAsync("model-a", 16, Token);
        var random = new Random(27);
        var person = TestCrops.RandomUnit(random, 16);

        // One person tracked for five minutes on cam-0 (a shot a minute), and the same track id on cam-1.
        var crops = Enumerable.Range(0, 5).Select(s => TestCrops.Crop("cam-0", 7, s, TestCrops.Start.AddMinutes(s), TestCrops.Near(random, person, 0.3)))
            .Append(TestCrops.Crop("cam-1", 7, 0, TestCrops.Start.AddMinutes(2), TestCrops.Near(random, person, 0.3)))
            .ToList();
        await index.UpsertAsync(crops, Token);

        var all = await index.SearchTracksAsync(new VectorQuery(person, 10), 3, Token);
        Assert.Equal(2, all.Count);
        var onCam0 = Assert.Single(all, static t => t.CameraId == "cam-0");
        Assert.Equal(5, onCam0.MatchingCrops);
        Assert.Equal(3, onCam0.Crops.Count);
        Assert.Equal(1, Assert.Single(all, static t => t.CameraId == "cam-1").MatchingCrops);

        // Minutes 1 and 2 only: two crops of cam-0's track pass, and cam-1's one.
        var ranged = new VectorQuery(person, 10, From: TestCrops.Start.AddMinutes(1), To: TestCrops.Start.AddMinutes(3));
        var hits = await index.SearchTracksAsync(ranged, 3, Token);
        Reference.AssertTracks(hits, Reference.Tracks(crops, ranged), 10, 3);
        var track = Assert.Single(hits, static t => t.CameraId == "cam-0");
        Assert.Equal(2, track.MatchingCrops);
        Assert.Equal(["cam-0.7.1", "cam-0.7.2"], track.Crops.Select(static c => c.CropId).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// A collection where the points nearest the query are all on "cam-hot" in the first ten minutes,
    /// and the rest are spread over cam-0..cam-2 and two hours.
    /// </summary>
    private async Task<(IVectorIndex Index, List<CropVector> Crops, VectorQuery Query)> HotSpotAsync(int dimension, int seed)
    {
        var random = new Random(seed);
        var target = TestCrops.RandomUnit(random, dimension);
        var crops = TestCrops.Scene(random, dimension, cameras: 3, tracksPerCamera: 80, maxShots: 5, TimeSpan.FromHours(2));
        crops.AddRange(Enumerable.Range(0, 30).Select(i => TestCrops.Crop("cam-hot", i / 3, i % 3, TestCrops.Start.AddSeconds(i * 20), TestCrops.Near(random, target, 0.1))));
        var index = await Store.OpenAsync("hot-spot", dimension, Token);
        await TestCrops.UpsertInBatchesAsync(index, crops, 250, Token);
        return (index, crops, new VectorQuery(target, 10));
    }
}
