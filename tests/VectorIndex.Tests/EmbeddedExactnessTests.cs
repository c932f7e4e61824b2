using VfeTps.Stream.VectorIndex.Embedded;

namespace VfeTps.Stream.VectorIndex.Tests;

/// <summary>The embedded index is exact: its results are the brute-force results, however the scan is split.</summary>
public sealed class EmbeddedExactnessTests : IDisposable
{
    private const int Dimension = 128;
    private readonly TempDirectory _directory = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task SearchesAreExactAndTheSameSequentialOrParallel()
    {
        var random = new Random(60);
        var crops = TestCrops.Scene(random, Dimension, cameras: 5, tracksPerCamera: 120, maxShots: 6, TimeSpan.FromHours(3));
        var sequentialStore = new EmbeddedVectorStore(_directory.PathOf("sequential"), new EmbeddedVectorStoreOptions { ParallelScanMinPoints = long.MaxValue });
        var parallelStore = new EmbeddedVectorStore(_directory.PathOf("parallel"), new EmbeddedVectorStoreOptions { SegmentRows = 100, ParallelScanMinPoints = 0, MaxScanParallelism = 4 });
        await using var sequential = await sequentialStore.OpenAsync("model-a", Dimension, Token);
        await using var parallel = await parallelStore.OpenAsync("model-a", Dimension, Token);
        await TestCrops.UpsertInBatchesAsync(sequential, crops, 1000, Token);
        await TestCrops.UpsertInBatchesAsync(parallel, crops, 1000, Token);

        for (var q = 0; q < 24; q++)
        {
            var vector = q % 2 == 0 ? TestCrops.Near(random, crops[random.Next(crops.Count)].Vector, 0.7) : TestCrops.RandomUnit(random, Dimension);
            var query = new VectorQuery(vector, 1 + (q * 7 % 60)) with
            {
                Cameras = q % 3 == 1 ? ["cam-1", "cam-4"] : null,
                From = q % 4 == 2 ? TestCrops.Start.AddMinutes(35) : null,
                To = q % 4 == 2 ? TestCrops.Start.AddMinutes(125) : null,
            };
            var ranked = Reference.Ranked(crops, query);

            var hits = await sequential.SearchAsync(query, Token);
            Reference.AssertExactTopK(hits, ranked, query.Limit);
            Assert.Equal(1.0, Reference.RecallAt(hits, ranked, Math.Min(10, query.Limit)));
            Assert.Equal(hits.Select(static h => (h.CropId, h.Score)), (await parallel.SearchAsync(query, Token)).Select(static h => (h.CropId, h.Score)));

            var tracks = await sequential.SearchTracksAsync(query, 3, Token);
            Reference.AssertTracks(tracks, Reference.Tracks(crops, query), query.Limit, 3);
            Assert.Equal(Flatten(tracks), Flatten(await parallel.SearchTracksAsync(query, 3, Token)));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(13)]
    [InlineData(512)]
    public async Task SearchesAreExactAtAnyDimension(int dimension)
    {
        var random = new Random(61 + dimension);
        var crops = TestCrops.Scene(random, dimension, cameras: 3, tracksPerCamera: 40, maxShots: 4, TimeSpan.FromHours(1));
        await using var index = await new EmbeddedVectorStore(_directory.PathOf("vectors")).OpenAsync("model-a", dimension, Token);
        await index.UpsertAsync(crops, Token);

        for (var q = 0; q < 5; q++)
        {
            var query = new VectorQuery(TestCrops.RandomUnit(random, dimension), 12, Cameras: q % 2 == 0 ? null : ["cam-0", "cam-2"]);
            Reference.AssertExactTopK(await index.SearchAsync(query, Token), Reference.Ranked(crops, query), 12);
            Reference.AssertTracks(await index.SearchTracksAsync(query, 2, Token), Reference.Tracks(crops, query), 12, 2);
        }
    }

    private static List<(string, long, int, string, float)> Flatten(IReadOnlyList<TrackHit> tracks) =>
        [.. tracks.SelectMany(static t => t.Crops.Select(c => (t.CameraId, t.TrackId, t.MatchingCrops, c.CropId, c.Score)))];
}
