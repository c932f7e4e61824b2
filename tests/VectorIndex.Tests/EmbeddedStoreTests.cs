using VfeTps.Stream.VectorIndex.Embedded;

namespace VfeTps.Stream.VectorIndex.Tests;

/// <summary>The embedded store's own rules: one owner per folder, handles, options.</summary>
public sealed class EmbeddedStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string Root => _directory.PathOf("vectors");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task AnotherStoreCannotOpenACollectionInUse()
    {
        var first = new EmbeddedVectorStore(Root);
        var second = new EmbeddedVectorStore(Root);
        var index = await first.OpenAsync("model-a", 8, Token);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => second.OpenAsync("model-a", 8, Token));
        Assert.Contains("model-a", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => second.DeleteAsync("model-a", Token));

        // Other collections are free, and the first is free once closed.
        await (await second.OpenAsync("model-b", 8, Token)).DisposeAsync();
        await index.DisposeAsync();
        await (await second.OpenAsync("model-a", 8, Token)).DisposeAsync();
    }

    [Fact]
    public async Task AnOpenCollectionCannotBeDeleted()
    {
        var store = new EmbeddedVectorStore(Root);
        var index = await store.OpenAsync("model-a", 8, Token);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.DeleteAsync("model-a", Token));

        await index.DisposeAsync();
        Assert.True(await store.DeleteAsync("model-a", Token));
        Assert.False(Directory.Exists(Path.Combine(Root, "model-a")));
    }

    [Fact]
    public async Task ADisposedHandleRefusesWorkAndOthersGoOn()
    {
        var store = new EmbeddedVectorStore(Root);
        var vector = TestCrops.RandomUnit(new Random(50), 8);
        var disposed = await store.OpenAsync("model-a", 8, Token);
        await using var other = await store.OpenAsync("model-a", 8, Token);
        await disposed.DisposeAsync();
        await disposed.DisposeAsync(); // twice is harmless

        await Assert.ThrowsAsync<ObjectDisposedException>(() => disposed.SearchAsync(new VectorQuery(vector, 1), Token));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => disposed.UpsertAsync([TestCrops.Crop("cam-0", 1, 0, TestCrops.Start, vector)], Token));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => disposed.CountAsync(Token));

        await other.UpsertAsync([TestCrops.Crop("cam-0", 1, 0, TestCrops.Start, vector)], Token);
        Assert.Equal(1, await other.CountAsync(Token));
    }

    [Fact]
    public async Task TheLastOfDuplicateCropIdsInABatchWins()
    {
        await using var index = await new EmbeddedVectorStore(Root).OpenAsync("model-a", 8, Token);
        var random = new Random(51);
        var first = TestCrops.Crop("cam-0", 1, 0, TestCrops.Start, TestCrops.RandomUnit(random, 8));
        var second = first with { Vector = TestCrops.RandomUnit(random, 8), Payload = first.Payload with { Quality = 0.125f } };

        await index.UpsertAsync([first, second], Token);

        Assert.Equal(1, await index.CountAsync(Token));
        Assert.Equal(0.125f, (await index.GetAsync(first.CropId, Token))!.Payload.Quality);
        Assert.Equal(1.0, (await index.SearchAsync(new VectorQuery(second.Vector, 1), Token))[0].Score, Reference.Tolerance);
    }

    [Fact]
    public async Task ListingIgnoresFoldersThatAreNotCollections()
    {
        var store = new EmbeddedVectorStore(Root);
        Assert.Empty(await store.ListAsync(Token)); // no root folder yet
        await (await store.OpenAsync("model-a", 8, Token)).DisposeAsync();
        Directory.CreateDirectory(Path.Combine(Root, "not-a-collection"));
        Directory.CreateDirectory(Path.Combine(Root, "Upper Case"));

        Assert.Equal(["model-a"], await store.ListAsync(Token));
    }

    [Fact]
    public async Task BadArgumentsAreRejected()
    {
        var store = new EmbeddedVectorStore(Root);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.OpenAsync("model-a", 0, Token));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.OpenAsync("model-a", EmbeddedVectorStore.MaxDimension + 1, Token));
        Assert.Throws<ArgumentException>(() => new EmbeddedVectorStore(" "));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EmbeddedVectorStore(Root, new EmbeddedVectorStoreOptions { SegmentRows = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EmbeddedVectorStore(Root, new EmbeddedVectorStoreOptions { MaxScanParallelism = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EmbeddedVectorStore(Root, new EmbeddedVectorStoreOptions { CompactionGarbageRatio = double.NaN }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EmbeddedVectorStore(Root, new EmbeddedVectorStoreOptions { CompactionMinGarbage = 0 }));
    }
}
