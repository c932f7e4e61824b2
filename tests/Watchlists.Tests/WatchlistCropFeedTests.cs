using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace VfeTps.Stream.Watchlists.Tests;

/// <summary>The feed never holds up the Embedder: when the matcher is behind, the oldest notifications go, counted and logged sparingly.</summary>
public sealed class WatchlistCropFeedTests : IDisposable
{
    private readonly TestServices _services = new();
    private readonly FakeTimeProvider _time = new(TestCrops.Start);

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task WhenFullTheOldestIsDroppedWithoutWaiting()
    {
        var feed = new WatchlistCropFeed(TestServices.Options(o => o.FeedCapacity = 4), _services.Metrics, _services.Logger<WatchlistCropFeed>(), _time);
        var crops = Enumerable.Range(1, 10).Select(track => TestCrops.Embedded("model-a", "cam-a", track, [1f, 0f])).ToList();

        foreach (var crop in crops)
        {
            // Nobody reads: each publish still completes at once.
            var published = feed.PublishAsync(crop, TestContext.Current.CancellationToken);
            Assert.True(published.IsCompletedSuccessfully);
            await published;
        }

        Assert.Equal(4, feed.Backlog);
        Assert.Equal(6, feed.Dropped);
        Assert.Equal(6, _services.Metrics.FeedDropped);
        var waiting = new List<long>();
        while (feed.Reader.TryRead(out var next))
            waiting.Add(next.Crop.TrackId);
        Assert.Equal([7L, 8, 9, 10], waiting);
    }

    [Fact]
    public void DropsAreLoggedAtMostOnceEveryTenSeconds()
    {
        var feed = new WatchlistCropFeed(TestServices.Options(o => o.FeedCapacity = 1), _services.Metrics, _services.Logger<WatchlistCropFeed>(), _time);

        for (var track = 1; track <= 50; track++)
            Assert.True(feed.TryPublish(TestCrops.Embedded("model-a", "cam-a", track, [1f, 0f])));
        var first = Assert.Single(Warnings());
        Assert.Contains("1 new-crop notifications dropped", first, StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromSeconds(11));
        feed.TryPublish(TestCrops.Embedded("model-a", "cam-a", 51, [1f, 0f]));

        Assert.Equal(2, Warnings().Count);
        Assert.Contains("49 new-crop notifications dropped", Warnings()[1], StringComparison.Ordinal);
        Assert.Equal(50, feed.Dropped);
    }

    private List<string> Warnings() =>
        [.. _services.Logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Category.EndsWith(nameof(WatchlistCropFeed), StringComparison.Ordinal)).Select(e => e.Message)];
}
