namespace VfeTps.Stream.VectorIndex.Tests;

/// <summary>
/// The behaviour every <see cref="IVectorStore"/> / <see cref="IVectorIndex"/> implementation must
/// have (embedded today, Qdrant later): derive, say how to open a store in a fresh place and how to
/// reopen that same place, and every test here runs against it. The tests use only the interfaces;
/// results are checked against a brute-force reference computed in the test.
/// </summary>
public abstract partial class VectorIndexConformanceTests
{
    private IVectorStore? _store;

    /// <summary>A store over a fresh, empty place (a new folder; for Qdrant, a unique collection prefix on the test server).</summary>
    protected abstract IVectorStore CreateStore();

    /// <summary>
    /// A new store over the place <see cref="CreateStore"/> gave this test, as a restarted process would
    /// open it; the test has disposed every index it opened before calling this.
    /// </summary>
    protected abstract IVectorStore ReopenStore();

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    protected IVectorStore Store => _store ??= CreateStore();

    [Fact]
    public async Task OpenCreatesAnEmptyCollection()
    {
        await using var index = await Store.OpenAsync("model-a", 32, Token);

        Assert.Equal("model-a", index.Name);
        Assert.Equal(32, index.Dimension);
        Assert.Equal(0, await index.CountAsync(Token));
        var query = new VectorQuery(TestCrops.RandomUnit(new Random(1), 32), 10);
        Assert.Empty(await index.SearchAsync(query, Token));
        Assert.Empty(await index.SearchTracksAsync(query, 3, Token));
        Assert.Null(await index.GetAsync("cam-0.1.0", Token));
        Assert.Equal(0, await index.DeleteCapturedBeforeAsync(DateTimeOffset.MaxValue, Token));
    }

    [Fact]
    public async Task OpeningWithAnotherDimensionFails()
    {
        await using (var index = await Store.OpenAsync("model-a", 32, Token))
        {
            await index.UpsertAsync([TestCrops.Crop("cam-0", 1, 0, TestCrops.Start, TestCrops.RandomUnit(new Random(2), 32))], Token);

            // While it is open ...
            await Assert.ThrowsAsync<InvalidOperationException>(() => Store.OpenAsync("model-a", 64, Token));
        }

        // ... and after it was closed.
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.OpenAsync("model-a", 64, Token));
        await using var again = await Store.OpenAsync("model-a", 32, Token);
        Assert.Equal(1, await again.CountAsync(Token));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Model-A")]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("with space")]
    [InlineData(".hidden")]
    public async Task InvalidCollectionNamesAreRejected(string name)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.OpenAsync(name, 32, Token));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.DeleteAsync(name, Token));
    }

    [Fact]
    public async Task CollectionsAreListedAndDeleted()
    {
        await using (var a = await Store.OpenAsync("tiny-synthpedes-20261128", 32, Token))
        await using (var b = await Store.OpenAsync("clip-vit-b16.cuhk_pedes-2", 32, Token))
        {
            await a.UpsertAsync([TestCrops.Crop("cam-0", 1, 0, TestCrops.Start, TestCrops.RandomUnit(new Random(3), 32))], Token);
        }

        Assert.Equal(["clip-vit-b16.cuhk_pedes-2", "tiny-synthpedes-20261128"], (await Store.ListAsync(Token)).Order(StringComparer.Ordinal));
        Assert.True(await Store.DeleteAsync("tiny-synthpedes-20261128", Token));
        Assert.False(await Store.DeleteAsync("tiny-synthpedes-20261128", Token));
        Assert.False(await Store.DeleteAsync("never-created", Token));
        Assert.Equal(["clip-vit-b16.cuhk_pedes-2"], await Store.ListAsync(Token));

        // A deleted collection comes back empty.
        await using var reopened = await Store.OpenAsync("tiny-synthpedes-20261128", 32, Token);
        Assert.Equal(0, await reopened.CountAsync(Token));
    }

    [Fact]
    public async Task TwoHandlesOnOneCollectionShareItsPoints()
    {
        var writer = await Store.OpenAsync("model-a", 32, Token);
        await using var reader = await Store.OpenAsync("model-a", 32, Token);
        var crop = TestCrops.Crop("cam-0", 1, 0, TestCrops.Start, TestCrops.RandomUnit(new Random(4), 32));

        await writer.UpsertAsync([crop], Token);
        Assert.Equal(1, await reader.CountAsync(Token));
        Assert.Equal(crop.CropId, (await reader.SearchAsync(new VectorQuery(crop.Vector, 1), Token))[0].CropId);

        // Closing one handle leaves the other working.
        await writer.DisposeAsync();
        Assert.Equal(crop.Payload, (await reader.GetAsync(crop.CropId, Token))?.Payload);
    }

    [Fact]
    public async Task GetReturnsTheStoredPoint()
    {
        await using var index = await Store.OpenAsync("model-a", 32, Token);
        var random = new Random(5);
        var crops = Enumerable.Range(0, 20).Select(i => TestCrops.Crop("cam-1", i, 0, TestCrops.Start.AddSeconds(i), TestCrops.RandomUnit(random, 32))).ToList();
        await index.UpsertAsync(crops, Token);

        foreach (var crop in crops)
        {
            var stored = await index.GetAsync(crop.CropId, Token);
            Assert.NotNull(stored);
            Assert.Equal(crop.CropId, stored.CropId);
            Assert.Equal(crop.Payload, stored.Payload);
            Assert.Equal(crop.Vector.Length, stored.Vector.Length);
            for (var i = 0; i < crop.Vector.Length; i++)
            {
                Assert.Equal(crop.Vector[i], stored.Vector[i], 1e-5f);
            }
        }

        Assert.Null(await index.GetAsync("cam-1.999.0", Token));
    }

    [Fact]
    public async Task ScoresAreCosineSimilaritiesWhateverTheVectorLengths()
    {
        await using var index = await Store.OpenAsync("model-a", 16, Token);
        var random = new Random(6);
        var stored = TestCrops.RandomUnit(random, 16);
        var query = TestCrops.RandomUnit(random, 16);
        await index.UpsertAsync([TestCrops.Crop("cam-0", 1, 0, TestCrops.Start, [.. stored.Select(static v => v * 3.7f)])], Token);

        var hits = await index.SearchAsync(new VectorQuery(query.Select(static v => v * 0.2f).ToArray(), 1), Token);

        Assert.Equal(Reference.Cosine(stored, query), Assert.Single(hits).Score, Reference.Tolerance);
        var vector = (await index.GetAsync("cam-0.1.0", Token))!.Vector;
        Assert.Equal(1.0, Math.Sqrt(vector.Sum(static v => (double)v * v)), 1e-5);
    }

    [Fact]
    public async Task AWrongDimensionIsRejectedNamingTheCrop()
    {
        await using var index = await Store.OpenAsync("model-a", 32, Token);
        var random = new Random(7);
        var good = TestCrops.Crop("cam-0", 1, 0, TestCrops.Start, TestCrops.RandomUnit(random, 32));
        var bad = TestCrops.Crop("cam-0", 2, 0, TestCrops.Start, TestCrops.RandomUnit(random, 31));

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => index.UpsertAsync([good, bad], Token));

        Assert.Contains("cam-0.2.0", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await index.CountAsync(Token)); // the whole batch is refused, the good point too
        Assert.Null(await index.GetAsync(good.CropId, Token));
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public async Task ANonFiniteVectorIsRejectedNamingTheCrop(float value)
    {
        await using var index = await Store.OpenAsync("model-a", 8, Token);
        var vector = TestCrops.RandomUnit(new Random(8), 8);
        vector[3] = value;

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => index.UpsertAsync([TestCrops.Crop("cam-3", 4, 5, TestCrops.Start, vector)], Token));

        Assert.Contains("cam-3.4.5", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await index.CountAsync(Token));
    }

    [Fact]
    public async Task IncompletePointsAreRejected()
    {
        await using var index = await Store.OpenAsync("model-a", 8, Token);
        var vector = TestCrops.RandomUnit(new Random(9), 8);
        var crop = TestCrops.Crop("cam-0", 1, 0, TestCrops.Start, vector);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => index.UpsertAsync(null!, Token));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => index.UpsertAsync([crop with { Payload = null! }], Token));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => index.UpsertAsync([crop with { Vector = null! }], Token));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => index.UpsertAsync([crop with { Vector = new float[8] }], Token));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => index.UpsertAsync([crop with { CropId = "" }], Token));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => index.UpsertAsync([crop with { Payload = crop.Payload with { CameraId = "" } }], Token));
        Assert.Equal(0, await index.CountAsync(Token));

        // An empty batch is nothing to do, not an error.
        await index.UpsertAsync([], Token);
        Assert.Equal(0, await index.CountAsync(Token));
    }

    [Fact]
    public async Task BadQueriesAreRejected()
    {
        await using var index = await Store.OpenAsync("model-a", 8, Token);
        var vector = TestCrops.RandomUnit(new Random(10), 8);
        await index.UpsertAsync([TestCrops.Crop("cam-0", 1, 0, TestCrops.Start, vector)], Token);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => index.SearchAsync(null!, Token));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => index.SearchAsync(new VectorQuery(new float[7], 10), Token));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => index.SearchAsync(new VectorQuery(new float[8], 10), Token));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => index.SearchAsync(new VectorQuery(vector.Select(static _ => float.NaN).ToArray(), 10), Token));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => index.SearchAsync(new VectorQuery(vector, 0), Token));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => index.SearchAsync(new VectorQuery(vector, VectorQuery.MaxLimit + 1), Token));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => index.SearchTracksAsync(new VectorQuery(vector, 0), 3, Token));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => index.SearchTracksAsync(new VectorQuery(vector, 10), 0, Token));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => index.SearchAsync(new VectorQuery(vector, 10, From: TestCrops.Start, To: TestCrops.Start.AddSeconds(-1)), Token));

        // The largest limit is allowed.
        Assert.Single(await index.SearchAsync(new VectorQuery(vector, VectorQuery.MaxLimit), Token));
        Assert.Single(await index.SearchTracksAsync(new VectorQuery(vector, VectorQuery.MaxLimit), 1, Token));
    }

    [Fact]
    public async Task ACancelledSearchThrows()
    {
        await using var index = await Store.OpenAsync("model-a", 8, Token);
        var vector = TestCrops.RandomUnit(new Random(11), 8);
        await index.UpsertAsync([TestCrops.Crop("cam-0", 1, 0, TestCrops.Start, vector)], Token);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => index.SearchAsync(new VectorQuery(vector, 10), cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => index.SearchTracksAsync(new VectorQuery(vector, 10), 2, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => index.UpsertAsync([TestCrops.Crop("cam-0", 2, 0, TestCrops.Start, vector)], cancelled.Token));
        Assert.Equal(1, await index.CountAsync(Token));
    }
}
