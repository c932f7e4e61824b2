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
    [InlineData(true)]
    [InlineData(false)]
    public async Task ALastEventIdAboveTheNewestHitCountsAsTheNewestSoLiveHitsStillArrive(bool header)
    {
        // The site's data was recreated while a browser tab stayed open: its EventSource reconnects with an id the new hits are far below.
        await using var host = await CalibratedHostAsync();
        await host.FeedAsync([Planted("lobby", 1000)]);
        var newest = Assert.Single(await MatchingTests.HitsAsync(host.Client())).Id;
        var stale = Id(newest + 1_000_000);

        await using var stream = header
            ? await ServerSentEvents.OpenAsync(host.Client(), lastEventId: stale)
            : await ServerSentEvents.OpenAsync(host.Client(), $"/api/alerts/stream?lastEventId={stale}");
        Assert.Equal("connected", (await stream.NextAsync()).Comment);
        await host.FeedAsync([Planted("lobby", 1001)]);

        var live = await stream.NextEventAsync();
        var raised = (await MatchingTests.HitsAsync(host.Client())).Single(h => h.TrackId == 1001);
        Assert.Equal(Id(raised.Id), live.Id); // the kept hit at the clamped id itself is not sent again
        Assert.Empty(stream.Received());
    }

    [Fact]
    public async Task OneCallerCannotTakeEveryStreamSlot()
    {
        var settings = new Dictionary<string, string?>(WatchlistHost.SmallWindow) { ["Watchlists:MaxSubscribersPerActor"] = "2" };
        await using var host = await WatchlistHost.StartAsync(model, _folder, settings);
        await using var first = await ServerSentEvents.OpenAsync(host.Client("olivia"));
        var second = await ServerSentEvents.OpenAsync(host.Client("olivia"));
        Assert.Equal("connected", (await first.NextAsync()).Comment);
        Assert.Equal("connected", (await second.NextAsync()).Comment);

        using (var third = await host.Client("olivia").GetAsync("/api/alerts/stream", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
            Assert.Equal("application/problem+json", third.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await third.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
            Assert.Contains("at most 2 streams", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        // Others are still served, and olivia is again once one of hers closes.
        await using var other = await ServerSentEvents.OpenAsync(host.Client("peter"));
        Assert.Equal(HttpStatusCode.OK, other.Response.StatusCode);
        Assert.Equal("connected", (await other.NextAsync()).Comment);
        await second.DisposeAsync();
        await Eventually.HoldsAsync(() => host.Broadcaster.Count == 2, TimeSpan.FromSeconds(30), () => $"{host.Broadcaster.Count} subscribers");
        await using var again = await ServerSentEvents.OpenAsync(host.Client("olivia"));
        Assert.Equal(HttpStatusCode.OK, again.Response.StatusCode);
        Assert.Equal("connected", (await again.NextAsync()).Comment);
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

        // The overflow rests on back-pressure from TestServer: its response body is a System.IO.Pipelines
        // pipe whose writer pauses once 64 KiB lie unread (the default PauseWriterThreshold), so the stalled
        // client's stream stops draining its 4-hit queue after about 64 KiB of events, and the rest of the
        // 200 hits overflow it. That holds only while the 200 events are well over 64 KiB: checked here, so
        // that shorter hits fail this line rather than make the overflow a matter of timing.
        var eventBytes = hits.Select(EventBytes).ToList();
        Assert.True(
            eventBytes.Sum() > (64 * 1024) + (8 * eventBytes.Max()),
            $"the 200 events are {eventBytes.Sum()} bytes: not enough over TestServer's 64 KiB pipe to overflow a 4-hit queue for sure");
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

        await host.App.StopAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
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

    /// <summary>The bytes of the event the server writes for a hit (<c>id:</c>, <c>event: hit</c>, <c>data:</c>, blank line).</summary>
    private static int EventBytes(HitResponse hit) =>
        System.Text.Encoding.UTF8.GetByteCount($"id: {Id(hit.Id)}\nevent: hit\ndata: {JsonSerializer.Serialize(hit, Json)}\n\n");

    /// <summary>Parses a response that was opened earlier and left unread.</summary>
    private sealed class ServerSentEventsOver(HttpResponseMessage response) : IAsyncDisposable
    {
        public ServerSentEvents Events { get; } = ServerSentEvents.Over(response);

        public ValueTask DisposeAsync() => Events.DisposeAsync();
    }
}
