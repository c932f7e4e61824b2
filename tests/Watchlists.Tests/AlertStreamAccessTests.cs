using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using VfeTps.Stream.Contracts.Access;

namespace VfeTps.Stream.Watchlists.Tests;

/// <summary>
/// An alert stream runs for hours: at every ping its caller is authenticated again (the site's default
/// scheme against the same request), so that losing access ends the stream and cut cameras stop their hits.
/// </summary>
public sealed class AlertStreamAccessTests(WatchlistModel model) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan PingInterval = new WatchlistOptions().PingInterval;
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("revoked", HttpStatusCode.Unauthorized)]
    [InlineData("no longer an operator", HttpStatusCode.Forbidden)]
    public async Task TheStreamEndsAtTheNextPingOnceItsCallerLosesAccess(string change, HttpStatusCode reconnect)
    {
        var time = new FakeTimeProvider(TestCrops.Start);
        await using var host = await WatchlistHost.StartAsync(model, _folder, time: time);
        await using var stream = await ServerSentEvents.OpenAsync(host.Client("olivia"));
        Assert.Equal("connected", (await stream.NextAsync()).Comment);

        // Re-authenticated at the ping, with access unchanged: the stream goes on.
        var before = host.Access.Authentications;
        time.Advance(PingInterval);
        Assert.Equal("ping", (await stream.NextAsync()).Comment);
        Assert.True(host.Access.Authentications > before, "the stream did not re-authenticate its caller at the ping");

        if (change == "revoked")
            host.Access.Revoke("olivia");
        else
            host.Access.SetRoles("olivia", SiteRoles.Admin);
        time.Advance(PingInterval);

        await Eventually.HoldsAsync(() => stream.Ended, TimeSpan.FromSeconds(30), () => $"the stream of a caller {change} did not end");
        Assert.DoesNotContain(stream.Received(), e => e.Comment == "ping");
        await Eventually.HoldsAsync(() => host.Broadcaster.Count == 0, TimeSpan.FromSeconds(30), () => $"{host.Broadcaster.Count} subscribers left");
        using var again = await host.Client("olivia").GetAsync("/api/alerts/stream", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        Assert.Equal(reconnect, again.StatusCode);
    }

    [Fact]
    public async Task AnotherCallersStreamGoesOnWhenOneLosesAccess()
    {
        var time = new FakeTimeProvider(TestCrops.Start);
        await using var host = await WatchlistHost.StartAsync(model, _folder, time: time);
        await using var revoked = await ServerSentEvents.OpenAsync(host.Client("olivia"));
        await using var staying = await ServerSentEvents.OpenAsync(host.Client("peter"));
        Assert.Equal("connected", (await revoked.NextAsync()).Comment);
        Assert.Equal("connected", (await staying.NextAsync()).Comment);

        host.Access.Revoke("olivia");
        time.Advance(PingInterval);

        Assert.Equal("ping", (await staying.NextAsync()).Comment);
        await Eventually.HoldsAsync(() => revoked.Ended, TimeSpan.FromSeconds(30), () => "the revoked caller's stream did not end");
        Assert.False(staying.Ended);
        Assert.Equal(1, host.Broadcaster.Count);
    }

    [Fact]
    public async Task TheStreamStopsSendingHitsOfACameraCutFromTheCallersScope()
    {
        var time = new FakeTimeProvider(TestCrops.Start);
        await using var host = await WatchlistHost.StartAsync(model, _folder, time: time);
        await host.CreateAsync("blue skirt", MatchingTests.Description, threshold: 2.5);
        await host.FeedAsync(TestCrops.Ordinary(model, "lobby", 0, 250, firstTrack: 1));
        await using var stream = await ServerSentEvents.OpenAsync(host.Client("rita", SiteRoles.Operator, ["lobby", "entrance"]));
        Assert.Equal("connected", (await stream.NextAsync()).Comment);
        await host.FeedAsync([Planted("lobby", 1000)]);
        Assert.Equal(("lobby", 1000L), Camera(await stream.NextEventAsync()));

        // The lobby is cut from rita's cameras; from the next ping (the stream re-authenticates first) its hits are not sent.
        host.Access.SetCameras("rita", ["entrance"]);
        time.Advance(PingInterval);
        Assert.Equal("ping", (await stream.NextAsync()).Comment);
        await host.FeedAsync([Planted("lobby", 1001), Planted("entrance", 1002), Planted("lobby", 1003)]);

        Assert.Equal(("entrance", 1002L), Camera(await stream.NextEventAsync()));
        Assert.Equal([1002L], (await MatchingTests.HitsAsync(host.Client("rita", SiteRoles.Operator, ["lobby", "entrance"]))).Select(h => h.TrackId));

        // Given back: its hits come again.
        host.Access.SetCameras("rita", ["entrance", "lobby"]);
        time.Advance(PingInterval);
        Assert.Equal("ping", (await stream.NextAsync()).Comment);
        await host.FeedAsync([Planted("lobby", 1004)]);
        Assert.Equal(("lobby", 1004L), Camera(await stream.NextEventAsync()));
        Assert.Empty(stream.Received());
    }

    [Fact]
    public async Task AStalledStreamOfARevokedCallerEndsInsteadOfCatchingUpFromTheDatabase()
    {
        // As in AlertStreamTests' slow client: 200 hits of about 430 bytes overflow a stalled client's 4-hit queue once TestServer's 64 KiB response pipe is full.
        var time = new FakeTimeProvider(TestCrops.Start);
        var settings = new Dictionary<string, string?>(WatchlistHost.SmallWindow) { ["Watchlists:SubscriberBuffer"] = "4" };
        await using var host = await WatchlistHost.StartAsync(model, _folder, settings, time);
        for (var i = 0; i < 20; i++)
            await host.CreateAsync($"watchlist {i} " + new string('n', 80), MatchingTests.Description, threshold: 2);
        await host.FeedAsync(TestCrops.Ordinary(model, "lobby", 0, 250, firstTrack: 1));
        using var stalled = await host.Client("olivia").GetAsync("/api/alerts/stream", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(() => host.Broadcaster.Count == 1, TimeSpan.FromSeconds(30), () => "the client subscribed");
        await host.FeedAsync(Enumerable.Range(0, 10).Select(i => Planted("lobby", 1000 + i)));
        await Eventually.HoldsAsync(() => host.Metrics.AlertsDropped > 0, TimeSpan.FromSeconds(30), () => "the stalled client's queue never overflowed");
        var expected = (await MatchingTests.HitsAsync(host.Client(), "?limit=1000")).Where(h => h.TrackId >= 1000).Select(h => h.Id).Reverse().ToList();
        Assert.Equal(200, expected.Count);

        // Revoked while stalled: what was already written reaches the client, the hits it missed are not read back for it.
        host.Access.Revoke("olivia");
        await using var late = ServerSentEvents.Over(stalled);
        Assert.Equal("connected", (await late.NextAsync()).Comment);
        await Eventually.HoldsAsync(() => late.Ended, TimeSpan.FromSeconds(30), () => "the revoked caller's stream did not end before reading back its missed hits");

        var received = late.Received().Where(e => e.Comment is null).Select(e => long.Parse(e.Id!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.InRange(received.Count, 1, expected.Count - 1);
        Assert.Equal(expected.Take(received.Count), received);
    }

    private static (string CameraId, long TrackId) Camera(ServerSentEvent received)
    {
        var hit = JsonSerializer.Deserialize<HitResponse>(received.Data!, Json)!;
        return (hit.CameraId, hit.TrackId);
    }

    private Contracts.CropEmbedded Planted(string camera, long track) =>
        TestCrops.Embedded(model.Version, camera, track, model.EmbedText(MatchingTests.Description));
}
