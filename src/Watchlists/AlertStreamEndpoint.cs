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
/// first (an id above the newest kept hit counts as the newest: the site's data was recreated). Live hits
/// come through the client's own bounded queue; when a slow client's queue overflows, the hits it missed
/// are read back from the database, in order, before it goes on. At every ping, and before any such
/// read-back, the caller is re-authenticated (<see cref="AlertStreamAccess"/>): the stream ends when
/// the caller's session, user or key is gone or they lost the operator role, and follows their
/// cameras as they are now. The stream also ends when the client goes or the site stops.
/// </summary>
internal static class AlertStreamEndpoint
{
    private const int ReplayBatch = 500;

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/alerts/stream", StreamAsync)
            .WithName("AlertStream")
            .WithSummary("Live watchlist hits (server-sent events)")
            .WithDescription(
                "text/event-stream of hits on the caller's cameras: id = hit id, event = hit, data = the hit. A ': ping' comment every 15 s, "
                + "when the caller is also re-authenticated (the stream ends when their access ends). "
                + "Last-Event-ID (header) or lastEventId (query) replays the kept hits after that id first.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
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

        // The stream starts at the newest hit now, or at the given id when it is older. That id is read
        // before subscribing and the database is read after it, so a hit raised in between is in one or
        // the other (or both: sent once), never lost. A given id above the newest hit (the site's data was
        // recreated while the browser stayed open) would skip every live hit below it: it counts as the newest.
        var latest = api.Store.LatestHitId();
        var start = after is { } lastEventId ? Math.Min(lastEventId, latest) : latest;
        var actorId = http.User.ActorId();
        using var subscription = api.Broadcaster.TrySubscribe(http.User.CameraScope(), actorId, out var refusal);
        if (subscription is null)
        {
            return refusal == SubscriptionRefusal.ActorFull
                ? TypedResults.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests, title: "Too many alert streams of yours.",
                    detail: $"You may follow the alerts in at most {api.Options.MaxSubscribersPerActor} streams at once; close one first.")
                : TypedResults.Problem(
                    statusCode: StatusCodes.Status503ServiceUnavailable, title: "Too many alert streams.",
                    detail: $"At most {api.Options.MaxSubscribers} clients may follow the alerts at once.");
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        using var ping = new PeriodicTimer(api.Options.PingInterval, api.Time);
        var serializer = json.Value.SerializerOptions;
        if (serializer.WriteIndented)
            serializer = new JsonSerializerOptions(serializer) { WriteIndented = false }; // an event's data is one line
        var stream = new EventWriter(http.Response, serializer, http.Request.PathBase, stop.Token);
        var follower = new Follower(http, api, subscription, stream, ping, stop.Token);
        try
        {
            http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            http.Response.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-cache";
            http.Response.Headers["X-Accel-Buffering"] = "no";
            await stream.CommentAsync("connected").ConfigureAwait(false);

            // The caller was authenticated for this very request: no check before the first replay.
            await follower.RunAsync(await SendStoredAsync(api, subscription.Scope, stream, start).ConfigureAwait(false)).ConfigureAwait(false);
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

    /// <summary>One client's live part of the stream: pings with re-authentication, live hits, read-back of missed hits.</summary>
    private sealed class Follower(
        HttpContext http, WatchlistApi api, AlertSubscription subscription, EventWriter stream, PeriodicTimer timer, CancellationToken cancellationToken)
    {
        public async Task RunAsync(long lastSent)
        {
            var tick = timer.WaitForNextTickAsync(cancellationToken).AsTask();
            var ready = subscription.Reader.WaitToReadAsync(cancellationToken).AsTask();
            while (true)
            {
                if (await Task.WhenAny(tick, ready).ConfigureAwait(false) == tick)
                {
                    if (!await tick.ConfigureAwait(false) || !await StillAllowedAsync().ConfigureAwait(false))
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
                        if (!await StillAllowedAsync().ConfigureAwait(false))
                            return;
                        lastSent = await SendStoredAsync(api, subscription.Scope, stream, lastSent).ConfigureAwait(false);
                    }

                    var read = false;
                    while (subscription.Reader.TryRead(out var hit))
                    {
                        read = true;

                        // A hit queued before the caller's cameras were cut is not sent either.
                        if (hit.Id <= lastSent || !subscription.Scope.Allows(hit.CameraId))
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

        /// <summary>Re-authenticates the caller; false (logged) when the stream must end, else the subscription follows their cameras now.</summary>
        private async Task<bool> StillAllowedAsync()
        {
            StreamAccess access;
            try
            {
                access = await AlertStreamAccess.CheckAsync(http, subscription.ActorId).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // Fail closed: a check that cannot be made ends the stream; the client reconnects and resumes after its last event.
            catch (Exception error)
#pragma warning restore CA1031
            {
                api.Logger.StreamAccessCheckFailed(subscription.Id, subscription.ActorId, error);
                return false;
            }

            if (access.Scope is not { } scope)
            {
                api.Logger.StreamAccessEnded(subscription.Id, subscription.ActorId, access.Ended ?? "access ended");
                return false;
            }

            if (!AlertStreamAccess.Same(scope, subscription.Scope))
            {
                subscription.Scope = scope;
                api.Logger.StreamScopeChanged(
                    subscription.Id, subscription.ActorId, scope.Cameras is { } cameras ? string.Join(',', cameras.Order(StringComparer.Ordinal)) : "all");
            }

            return true;
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
