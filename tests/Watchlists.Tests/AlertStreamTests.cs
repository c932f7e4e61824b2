using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using VfeTps.Stream.Contracts.Access;

namespace VfeTps.Stream.Watchlists.Tests;

/// <summary>GET /api/alerts/stream: live hits as server-sent events, replay after Last-Event-ID, pings, camera scope, slow clients.</summary>
public sealed class AlertStreamTests(WatchlistModel model) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ANewHitArrivesLive()
    {
        await using var host = await CalibratedHostAsync();
        await using var stream = await ServerSentEvents.OpenAsync(host.Client());
        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", stream.Response.Headers.CacheControl?.ToString());
        Assert.Equal("connected", (await stream.NextAsync()).Comment);

        await host.FeedAsync([Planted("lobby", 1000)]);

        var received = await stream.NextEventAsync();
        var stored = Assert.Single(await MatchingTests.HitsAsync(host.Client()));
        Assert.Equal("hit", received.Event);
        Assert.Equal(stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), received.Id);
        Assert.Equal(stored, JsonSerializer.Deserialize<HitResponse>(received.Data!, Json));
        Assert.DoesNotContain('\n', received.Data!);
    }

    [Fact]
    public async Task LastEventIdReplaysTheKeptHitsAfterItThenGoesLive()
    {
        await using var host = await CalibratedHostAsync();
        await host.FeedAsync([Planted("lobby", 1000), Planted("lobby", 1001), Planted("lobby", 1002)]);
        var ids = (await MatchingTests.HitsAsync(host.Client())).Select(h => h.Id).Order().ToList();
        Assert.Equal(3, ids.Count);

        await using var header = await ServerSentEvents.OpenAsync(host.Client(), lastEventId: Id(ids[0]));
        await using var query = await ServerSentEvents.OpenAsync(host.Client(), $"/api/alerts/stream?lastEventId={ids[1]}");
        Assert.Equal(Id(ids[1]), (await header.NextEventAsync()).Id);
        Assert.Equal(Id(ids[2]), (await header.NextEventAsync()).Id);
        Assert.Equal(Id(ids[2]), (await query.NextEventAsync()).Id);

        await host.FeedAsync([Planted("lobby", 1003)]);
        var live = (await header.NextEventAsync()).Id;
        Assert.Equal(live, (await query.NextEventAsync()).Id);
        Assert.True(long.Parse(live!, System.Globalization.CultureInfo.InvariantCulture) > ids[2]);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("99999999999999999999999")]
    public async Task AMalformedLastEventIdIsRefused(string lastEventId)
    {
        await using var host = await WatchlistHost.StartAsync(model, _folder);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/alerts/stream");
        request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);

        using var response = await host.Client().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("lastEventId", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARestrictedOperatorGetsOnlyHitsOfTheirCameras()
    {
        await using var host = await CalibratedHostAsync();
        await host.FeedAsync([Planted("lobby", 1000), Planted("entrance", 1001)]);

        await using var stream = await ServerSentEvents.OpenAsync(host.Client("rita", SiteRoles.Operator, ["entrance"]), lastEventId: "0");
        var replayed = await stream.NextEventAsync();
        Assert.Equal("entrance", JsonSerializer.Deserialize<HitResponse>(replayed.Data!, Json)!.CameraId);

        // Live: the lobby's hit is not sent, the entrance's is.
        await host.FeedAsync([Planted("lobby", 1002), Planted("entrance", 1003)]);
        var live = JsonSerializer.Deserialize<HitResponse>((await stream.NextEventAsync()).Data!, Json)!;
        Assert.Equal(("entrance", 1003L), (live.CameraId, live.TrackId));
    }

    [Fact]
    public async Task APingCommentIsSentEveryInterval()
    {
        var time = new FakeTimeProvider(TestCrops.Start);
        await using var host = await WatchlistHost.StartAsync(model, _folder, time: time);
        await using var stream = await ServerSentEvents.OpenAsync(host.Client());
        Assert.Equal("connected", (await stream.NextAsync()).Comment);

        time.Advance(TimeSpan.FromSeconds(14));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("ping", (await stream.NextAsync()).Comment);
        time.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal("ping", (await stream.NextAsync()).Comment);
        Assert.Empty(stream.Received());
    }

    [Fact]
    public async Task AClientThatDoesNotReadHoldsUpNeitherTheMatcherNorOtherClientsAndGetsEveryHitLater()
    {
        // Twenty watchlists of one description: each planted crop raises twenty hits with long names.
        var settings = new Dictionary<string, string?>(WatchlistHost.SmallWindow) { ["Watchlists:SubscriberBuffer"] = "4" };
        await using var host = await WatchlistHost.StartAsync(model, _folder, settings);
        for (var i = 0; i < 20; i++)
            await host.CreateAsync($"watchlist {i} " + new string('n', 80), MatchingTests.Description, threshold: 2);
        await host.FeedAsync(TestCrops.Ordinary(model, "lobby", 0, 250, firstTrack: 1));

        using var stalled = await host.Client().GetAsync("/api/alerts/stream", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        await using var reader = await ServerSentEvents.OpenAsync(host.Client());
        Assert.Equal("connected", (await reader.NextAsync()).Comment);
        await Eventually.HoldsAsync(() => host.Broadcaster.Count == 2, TimeSpan.FromSeconds(30), () => "both clients subscribed");

        await host.FeedAsync(Enumerable.Range(0, 10).Select(i => Planted("lobby", 1000 + i)));

        // (Ordinary crops that reached the low threshold before the clients came are not live news: not sent.)
        var hits = (await MatchingTests.HitsAsync(host.Client(), "?limit=1000")).Where(h => h.TrackId >= 1000).ToList();
        Assert.Equal(200, hits.Count);
        var expected = hits.Select(h => (string?)Id(h.Id)).Reverse().ToList();
        var received = new List<string?>();
        while (received.Count < expected.Count)
            received.Add((await reader.NextEventAsync()).Id);
        Assert.Equal(expected, received);
        Assert.True(host.Metrics.AlertsDropped > 0, "the stalled client's queue never overflowed");

        // The stalled client reads at last: every hit, in order, none twice (the missed ones come from the database).
        await using var late = new ServerSentEventsOver(stalled);
        Assert.Equal("connected", (await late.Events.NextAsync()).Comment);
        var caughtUp = new List<string?>();
        while (caughtUp.Count < expected.Count)
            caughtUp.Add((await late.Events.NextEventAsync()).Id);
        Assert.Equal(expected, caughtUp);
    }

    [Fact]
    public async Task TheStreamEndsWhenTheClientGoesOrTheSiteStops()
    {
        await using var host = await WatchlistHost.StartAsync(model, _folder);
        var leaving = await ServerSentEvents.OpenAsync(host.Client());
        await using var staying = await ServerSentEvents.OpenAsync(host.Client());
        Assert.Equal("connected", (await leaving.NextAsync()).Comment);
        Assert.Equal("connected", (await staying.NextAsync()).Comment);
        Assert.Equal(2, host.Metrics.Subscribers);

        await leaving.DisposeAsync();
        await Eventually.HoldsAsync(() => host.Metrics.Subscribers == 1, TimeSpan.FromSeconds(30), () => $"{host.Metrics.Subscribers} subscribers");

        await host.App.StopAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(() => staying.Ended, TimeSpan.FromSeconds(30), () => "the stream ended");
        Assert.Equal(0, host.Metrics.Subscribers);
    }

    private async Task<WatchlistHost> CalibratedHostAsync()
    {
        var host = await WatchlistHost.StartAsync(model, _folder);
        await host.CreateAsync("blue skirt", MatchingTests.Description, threshold: 2.5);
        await host.FeedAsync(TestCrops.Ordinary(model, "lobby", 0, 250, firstTrack: 1));
        return host;
    }

    private Contracts.CropEmbedded Planted(string camera, long track) =>
        TestCrops.Embedded(model.Version, camera, track, model.EmbedText(MatchingTests.Description));

    private static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Parses a response that was opened earlier and left unread.</summary>
    private sealed class ServerSentEventsOver(HttpResponseMessage response) : IAsyncDisposable
    {
        public ServerSentEvents Events { get; } = ServerSentEvents.Over(response);

        public ValueTask DisposeAsync() => Events.DisposeAsync();
    }
}
