using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace VfeTps.Stream.Embedder.Tests;

public sealed class CropEmbeddingStageTests(RealModel model)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Crops_published_on_the_crop_stream_become_searchable()
    {
        await using var site = await EmbedderSite.CreateAsync(model);
        await site.Host.StartAsync(TestContext.Current.CancellationToken);

        var crops = Enumerable.Range(0, 10).Select(track => SyntheticCrops.Event("lobby", track, 0)).ToArray();
        for (var i = 0; i < crops.Length; i++)
        {
            await site.PublishAsync(crops[i], seed: i);
        }

        await Eventually.HoldsAsync(async () => await site.Index.CountAsync(TestContext.Current.CancellationToken) == crops.Length, Deadline, () => $"{crops.Length} crops indexed");
        foreach (var crop in crops)
        {
            Assert.NotNull(await site.Index.GetAsync(crop.CropId, TestContext.Current.CancellationToken));
        }

        await Eventually.HoldsAsync(() => Task.FromResult(site.Embedded.Backlog == crops.Length), Deadline, () => $"{crops.Length} CropEmbedded notices, not {site.Embedded.Backlog}");
        Assert.Empty(site.DeadLetters.Letters);
    }

    [Fact]
    public async Task A_bad_crop_on_the_stream_is_dead_lettered_while_its_neighbours_are_indexed()
    {
        await using var site = await EmbedderSite.CreateAsync(model);
        await site.Host.StartAsync(TestContext.Current.CancellationToken);

        await site.PublishAsync(SyntheticCrops.Event("lobby", 1, 0), seed: 1);
        var missing = SyntheticCrops.Event("lobby", 2, 0);
        await site.Crops.PublishAsync(missing, TestContext.Current.CancellationToken); // no JPEG stored
        await site.PublishAsync(SyntheticCrops.Event("lobby", 3, 0), seed: 3);

        await Eventually.HoldsAsync(async () => await site.Index.CountAsync(TestContext.Current.CancellationToken) == 2, Deadline, () => "the two good crops indexed");
        await Eventually.HoldsAsync(() => Task.FromResult(site.DeadLetters.Letters.Count == 1), Deadline, () => "the crop without a JPEG dead-lettered");
        Assert.Equal(missing.CropId, site.DeadLetters.Letters[0].Key);
    }

    [Fact]
    public async Task A_crop_whose_image_cannot_be_read_is_dead_lettered_and_the_stage_goes_on()
    {
        ThrowOnceBlobStore? flaky = null;
        await using var site = await EmbedderSite.CreateAsync(model, wrapBlobs: real => flaky = new ThrowOnceBlobStore(real));
        await site.Host.StartAsync(TestContext.Current.CancellationToken);

        // The first crop meets the disk error.
        var unlucky = SyntheticCrops.Event("lobby", 1, 0);
        await site.PublishAsync(unlucky, seed: 1);
        await Eventually.HoldsAsync(() => Task.FromResult(site.DeadLetters.Letters.Count == 1), Deadline, () => "the unreadable crop dead-lettered");
        Assert.Equal(1, flaky!.Failures);
        var letter = Assert.Single(site.DeadLetters.Letters);
        Assert.Equal(unlucky.CropId, letter.Key);
        Assert.Contains("could not be read", letter.Reason, StringComparison.Ordinal);

        // The stage is still reading: the next crop is indexed, and nothing was logged as a failed batch.
        var next = SyntheticCrops.Event("lobby", 2, 0);
        await site.PublishAsync(next, seed: 2);
        await Eventually.HoldsAsync(async () => await site.Index.GetAsync(next.CropId, TestContext.Current.CancellationToken) is not null, Deadline, () => "the next crop indexed");
        Assert.Empty(BatchFailures(site));
        Assert.True(await site.Blobs.ExistsAsync(unlucky.CropKey, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_host_stops_promptly_while_the_stage_waits_for_crops()
    {
        await using var site = await EmbedderSite.CreateAsync(model);
        await site.Host.StartAsync(TestContext.Current.CancellationToken);
        await site.PublishAsync(SyntheticCrops.Event("lobby", 1, 0), seed: 1);
        await Eventually.HoldsAsync(async () => await site.Index.CountAsync(TestContext.Current.CancellationToken) == 1, Deadline, () => "the crop indexed");

        var clock = Stopwatch.StartNew();
        await site.Host.StopAsync(TestContext.Current.CancellationToken).WaitAsync(Deadline, TestContext.Current.CancellationToken);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"Stopping took {clock.Elapsed}.");
        Assert.DoesNotContain(site.Log.Entries, entry => entry.Level >= LogLevel.Error);
    }

    private static List<RecordingLoggerProvider.LogEntry> BatchFailures(EmbedderSite site) =>
        [.. site.Log.Entries.Where(entry => entry.Category == typeof(CropEmbeddingStage).FullName && entry.Level == LogLevel.Error)];
}
