namespace VfeTps.Stream.VectorIndex.Tests;

/// <summary>The conformance tests of <see cref="IVectorIndex.LatestAsync"/>.</summary>
public abstract partial class VectorIndexConformanceTests
{
    [Fact]
    public async Task LatestReturnsTheNewestCapturesFirstWithNormalisedVectors()
    {
        await using var index = await Store.OpenAsync("model-a", 16, Token);
        var random = new Random(40);

        // Written out of capture order (distinct times, shuffled), in several batches, so the newest are not simply the last written.
        var seconds = Enumerable.Range(0, 300).Select(static i => i * 7).ToArray();
        random.Shuffle(seconds);
        var crops = Enumerable.Range(0, 300)
            .Select(i => TestCrops.Crop(TestCrops.CameraName(i % 3), i, 0, TestCrops.Start.AddSeconds(seconds[i]),
                [.. TestCrops.RandomUnit(random, 16).Select(static v => v * 4.5f)]))
            .ToList();
        await TestCrops.UpsertInBatchesAsync(index, crops, 70, Token);

        var latest = await index.LatestAsync(25, Token);

        var expected = crops.OrderByDescending(static c => c.Payload.CaptureTime).Take(25).ToList();
        Assert.Equal(25, latest.Count);
        Assert.Equal(expected.Select(static c => c.CropId), latest.Select(static c => c.CropId));
        foreach (var point in latest)
        {
            var written = crops.Single(c => c.CropId == point.CropId);
            Assert.Equal(written.Payload, point.Payload);
            Assert.Equal(1.0, Math.Sqrt(point.Vector.Sum(static v => (double)v * v)), 1e-5);
            Assert.Equal(1.0, Reference.Cosine(written.Vector, point.Vector), 1e-5);
        }
    }

    [Fact]
    public async Task LatestLeavesOutDeletedAndReplacedPoints()
    {
        await using var index = await Store.OpenAsync("model-a", 8, Token);
        var random = new Random(41);
        var crops = Enumerable.Range(0, 10)
            .Select(i => TestCrops.Crop("cam-0", i, 0, TestCrops.Start.AddMinutes(i), TestCrops.RandomUnit(random, 8)))
            .ToList();
        await index.UpsertAsync(crops, Token);

        // Retention removes the 3 oldest; the newest is written again with an earlier capture time.
        Assert.Equal(3, await index.DeleteCapturedBeforeAsync(TestCrops.Start.AddMinutes(3), Token));
        var replaced = crops[9] with { Payload = crops[9].Payload with { CaptureTime = TestCrops.Start.AddMinutes(3.5) } };
        await index.UpsertAsync([replaced], Token);

        var latest = await index.LatestAsync(4, Token);

        Assert.Equal([crops[8].CropId, crops[7].CropId, crops[6].CropId, crops[5].CropId], latest.Select(static c => c.CropId));
        var all = await index.LatestAsync(100, Token);
        Assert.Equal(7, all.Count);
        Assert.Equal(replaced.CropId, all[^2].CropId); // one copy only, at its new capture time
        Assert.Equal(replaced.Payload.CaptureTime, all[^2].Payload.CaptureTime);
        Assert.Equal(crops[3].CropId, all[^1].CropId);
    }

    [Fact]
    public async Task LatestReturnsEveryPointWhenAskedForMore()
    {
        await using var index = await Store.OpenAsync("model-a", 8, Token);
        Assert.Empty(await index.LatestAsync(5, Token));

        var random = new Random(42);
        var crops = Enumerable.Range(0, 6)
            .Select(i => TestCrops.Crop("cam-1", i, 0, TestCrops.Start.AddSeconds(-i), TestCrops.RandomUnit(random, 8)))
            .ToList();
        await index.UpsertAsync(crops, Token);

        var latest = await index.LatestAsync(VectorIndexArguments.MaxLatestCount, Token);

        Assert.Equal(crops.Select(static c => c.CropId), latest.Select(static c => c.CropId));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(VectorIndexArguments.MaxLatestCount + 1)]
    [InlineData(int.MinValue)]
    public async Task LatestRejectsABadCount(int count)
    {
        await using var index = await Store.OpenAsync("model-a", 8, Token);
        await index.UpsertAsync([TestCrops.Crop("cam-0", 1, 0, TestCrops.Start, TestCrops.RandomUnit(new Random(43), 8))], Token);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => index.LatestAsync(count, Token));
    }
}
