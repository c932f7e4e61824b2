using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VfeTps.Stream.Contracts.Access;

namespace VfeTps.Stream.Watchlists;

/// <summary>
/// <c>GET /api/alerts/stream</c>: new hits as server-sent events (<c>id:</c> the hit id, <c>event: hit</c>,
/// <c>data:</c> the hit's JSON), of the caller's cameras only, and a <c>: ping</c> comment every
/// <see cref="WatchlistOptions.PingInterval"/>. With a <c>Last-Event-ID</c> header (what a browser's
/// EventSource sends when it reconnects) or <c>?lastEventId=</c>, the kept hits after that id are sent
/// first. Live hits come through the client's own bounded queue; when a slow client's queue overflows,
/// the hits it missed are read back from the database, in order, before it goes on. The stream ends
/// when the client goes or the site stops.
/// </summary>
internal static class AlertStreamEndpoint
{
    private const int ReplayBatch = 500;

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/alerts/stream", StreamAsync)
            .WithName("AlertStream")
            .WithSummary("Live watchlist hits (server-sent events)")
            .WithDescription(
                "text/event-stream of hits on the caller's cameras: id = hit id, event = hit, data = the hit. A ': ping' comment every 15 s. "
                + "Last-Event-ID (header) or lastEventId (query) replays the kept hits after that id first.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<Results<EmptyHttpResult, ValidationProblem, ProblemHttpResult>> StreamAsync(
        HttpContext http,
        [FromServices] WatchlistApi api,
        [FromServices] IHostApplicationLifetime lifetime,
        [FromServices] IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    {
        var given = http.Request.Headers["Last-Event-ID"].FirstOrDefault() ?? http.Request.Query["lastEventId"].FirstOrDefault();
        long? after = null;
        if (!string.IsNullOrEmpty(given))
        {
            if (!long.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { ["lastEventId"] = ["The last event id must be a hit id (a whole number, 0 or more)."] });
            }

            after = parsed;
        }

        // Without a Last-Event-ID the stream starts at the newest hit now. That id is read before
        // subscribing and the database is read after it, so a hit raised in between is in one or the
        // other (or both: sent once), never lost.
        var start = after ?? api.Store.LatestHitId();
        var scope = http.User.CameraScope();
        using var subscription = api.Broadcaster.TrySubscribe(scope);
        if (subscription is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Too many alert streams.",
                detail: $"At most {api.Options.MaxSubscribers} clients may follow the alerts at once.");
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        using var ping = new PeriodicTimer(api.Options.PingInterval, api.Time);
        var serializer = json.Value.SerializerOptions;
        if (serializer.WriteIndented)
            serializer = new JsonSerializerOptions(serializer) { WriteIndented = false }; // an event's data is one line
        var stream = new EventWriter(http.Response, serializer, http.Request.PathBase, stop.Token);
        try
        {
            http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            http.Response.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-cache";
            http.Response.Headers["X-Accel-Buffering"] = "no";
            await stream.CommentAsync("connected").ConfigureAwait(false);

            var lastSent = await SendStoredAsync(api, scope, stream, start).ConfigureAwait(false);
            await FollowAsync(api, subscription, stream, ping, lastSent, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The client went, or the site is stopping.
        }
        catch (IOException) when (http.RequestAborted.IsCancellationRequested)
        {
        }

        return TypedResults.Empty;
    }

    private static async Task FollowAsync(
        WatchlistApi api, AlertSubscription subscription, EventWriter stream, PeriodicTimer timer, long lastSent, CancellationToken cancellationToken)
    {
        var tick = timer.WaitForNextTickAsync(cancellationToken).AsTask();
        var ready = subscription.Reader.WaitToReadAsync(cancellationToken).AsTask();
        while (true)
        {
            if (await Task.WhenAny(tick, ready).ConfigureAwait(false) == tick)
            {
                if (!await tick.ConfigureAwait(false))
                    return;
                await stream.CommentAsync("ping").ConfigureAwait(false);
                tick = timer.WaitForNextTickAsync(cancellationToken).AsTask();
                continue;
            }

            if (!await ready.ConfigureAwait(false))
                return; // the site is stopping

            // Until a pass finds nothing: hits dropped while this client was slow are read back from the
            // database (they are stored before they are published), in order, and skipped when they come again.
            while (true)
            {
                var missed = subscription.TakeMissed();
                if (missed > 0)
                {
                    api.Logger.SubscriberLagging(subscription.Id, missed);
                    lastSent = await SendStoredAsync(api, subscription.Scope, stream, lastSent).ConfigureAwait(false);
                }

                var read = false;
                while (subscription.Reader.TryRead(out var hit))
                {
                    read = true;
                    if (hit.Id <= lastSent)
                        continue;
                    await stream.HitAsync(hit, flush: false).ConfigureAwait(false);
                    lastSent = hit.Id;
                }

                if (missed == 0 && !read)
                    break;
            }

            await stream.FlushAsync().ConfigureAwait(false);
            ready = subscription.Reader.WaitToReadAsync(cancellationToken).AsTask();
        }
    }

    /// <summary>Sends the kept hits after <paramref name="after"/> in the scope, oldest first; returns the last id sent.</summary>
    private static async Task<long> SendStoredAsync(WatchlistApi api, CameraScope scope, EventWriter stream, long after)
    {
        while (true)
        {
            var batch = api.Store.HitsAfter(scope, after, ReplayBatch);
            foreach (var hit in batch)
            {
                await stream.HitAsync(hit, flush: false).ConfigureAwait(false);
                after = hit.Id;
            }

            await stream.FlushAsync().ConfigureAwait(false);
            if (batch.Count < ReplayBatch)
                return after;
        }
    }

    /// <summary>Writes server-sent events: one hit per event, JSON on one line.</summary>
    private sealed class EventWriter(HttpResponse response, JsonSerializerOptions json, PathString pathBase, CancellationToken cancellationToken)
    {
        public async Task HitAsync(WatchlistHit hit, bool flush)
        {
            var data = JsonSerializer.Serialize(HitResponse.Of(hit, pathBase), json);
            await response.WriteAsync(
                string.Create(CultureInfo.InvariantCulture, $"id: {hit.Id}\nevent: hit\ndata: {data}\n\n"), cancellationToken).ConfigureAwait(false);
            if (flush)
                await FlushAsync().ConfigureAwait(false);
        }

        public async Task CommentAsync(string text)
        {
            await response.WriteAsync($": {text}\n\n", cancellationToken).ConfigureAwait(false);
            await FlushAsync().ConfigureAwait(false);
        }

        public Task FlushAsync() => response.Body.FlushAsync(cancellationToken);
    }
}
