using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using VfeTps.Stream.Contracts.Access;
using VfeTps.Stream.Contracts.Audit;
using VfeTps.Stream.WebApi;

namespace VfeTps.Stream.Watchlists;

/// <summary>
/// <c>GET/POST /api/watchlists</c>, <c>DELETE /api/watchlists/{id}</c>. Watchlists are shared by the
/// control room: every operator sees all of them by name, but their cameras are shown only as far as
/// the caller may see them (the others counted, never named), the hit counts cover only the caller's
/// cameras, and a watchlist watching any camera outside the caller's is not theirs to delete (404, as
/// if it did not exist).
/// </summary>
internal static class WatchlistEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var watchlists = api.MapGroup("/watchlists");

        watchlists.MapGet(string.Empty, List)
            .WithName("ListWatchlists")
            .WithSummary("List the watchlists")
            .WithDescription(
                "Every watchlist of the site, oldest first, with its calibration now and its hits on the cameras the caller may see. "
                + "Cameras outside the caller's are not named: hiddenCameras counts them.");

        watchlists.MapPost(string.Empty, CreateAsync)
            .WithName("CreateWatchlist")
            .WithSummary("Watch for a description")
            .WithDescription(
                "Embeds the description with the serving model's text tower and matches it against every new crop. The threshold is "
                + "on the calibrated scale: standard deviations above the description's mean score over recent crops (default 3).")
            .Accepts<CreateWatchlistRequest>("application/json")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        watchlists.MapDelete("/{id}", DeleteAsync)
            .WithName("DeleteWatchlist")
            .WithSummary("Delete a watchlist and its hits")
            .WithDescription("404 for a watchlist that does not exist or watches a camera outside the caller's cameras.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static Ok<WatchlistResponse[]> List(HttpContext http, [FromServices] WatchlistApi api)
    {
        var scope = http.User.CameraScope();
        var counts = api.Store.HitCounts(scope);
        return TypedResults.Ok(api.Store.List()
            .Select(w => api.Describe(w, counts.TryGetValue(w.Id, out var hits) ? hits : (0, null), scope))
            .ToArray());
    }

    private static async Task<Results<Created<WatchlistResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        HttpContext http, [FromServices] WatchlistApi api, CancellationToken cancellationToken)
    {
        var read = await JsonBodyReader.ReadAsync<CreateWatchlistRequest>(http.Request, api.Options.MaxRequestBodyBytes, cancellationToken)
            .ConfigureAwait(false);
        if (read.Value is not { } body)
            return read.Invalid is { } invalid ? invalid : read.Refused!;

        using var lease = api.Model.Acquire();
        var errors = new ValidationErrors();
        var valid = WatchlistRequestValidator.Validate(body, api.Options, Math.Min(api.Options.MaxTextLength, lease.TextEncoder.MaxQueryCharacters), errors);
        if (valid is null)
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The watchlist is not valid.");

        var id = WatchlistIds.Create();
        var scope = http.User.CameraScope();
        if (!scope.IsEverything)
        {
            // A restricted operator's watchlist watches their cameras at most.
            if (valid.Cameras is null && scope.Cameras!.Count > 0)
                valid = valid with { Cameras = [.. scope.Cameras.Order(StringComparer.Ordinal)] };
            var refusal = valid.Cameras is null ? "you may see no camera"
                : valid.Cameras.FirstOrDefault(c => !scope.Allows(c)) is { } hidden ? $"camera {ValidationErrors.Quote(hidden)} is outside your cameras"
                : null;
            if (refusal is not null)
            {
                if (await api.Audit.RecordAsync(http, AuditActions.WatchlistCreated, null, Detail(valid, refusal), AuditOutcome.Refused).ConfigureAwait(false) is { } unaudited)
                    return unaudited;
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "The watchlist names cameras you may not see.", detail: $"Refused: {refusal}.");
            }
        }

        var vector = VectorMath.Normalised(lease.TextEncoder.Embed(valid.Text));
        if (vector is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = ["The text tower cannot embed this description."] });

        await api.ChangeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (api.Store.Count() >= api.Options.MaxWatchlists)
            {
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status409Conflict, title: "Too many watchlists.",
                    detail: $"The site keeps at most {api.Options.MaxWatchlists} watchlists; delete one first.");
            }

            if (await api.Audit.RecordAsync(http, AuditActions.WatchlistCreated, id, Detail(valid, null)).ConfigureAwait(false) is { } unaudited)
                return unaudited;

            var watchlist = new Watchlist(
                id, valid.Name, valid.Text, valid.Threshold, valid.Cameras, http.User.ActorId(), http.User.ActorName(), api.Time.GetUtcNow(), lease.ModelVersion);
            api.Store.Insert(watchlist);
            api.Matcher.Upsert(watchlist, vector, lease.ModelVersion);
            api.Logger.Created(id, watchlist.Name, http.User.ActorId(), watchlist.Threshold, Cameras(watchlist.Cameras));
            return TypedResults.Created((string?)null, api.Describe(watchlist, (0, null), scope));
        }
        finally
        {
            api.ChangeGate.Release();
        }
    }

    private static async Task<Results<NoContent, NotFound<ProblemDetails>, ProblemHttpResult>> DeleteAsync(
        string id, HttpContext http, [FromServices] WatchlistApi api, CancellationToken cancellationToken)
    {
        if (!WatchlistIds.IsValid(id))
            return NotFound(id);

        // In one critical section with creations and other deletions: the watchlist found here is the one
        // deleted below, so its "succeeded" record is not written for a deletion that then finds nothing.
        await api.ChangeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (api.Store.Get(id) is not { } watchlist)
                return NotFound(id);

            var detail = new Dictionary<string, string?> { ["name"] = watchlist.Name, ["text"] = watchlist.Text };
            if (!watchlist.IsWithin(http.User.CameraScope()))
            {
                // Not the caller's to delete, and answered like a missing one so that its existence and cameras
                // stay hidden. The refusal is recorded when the trail can take it (it changes nothing either way).
                detail["reason"] = "it watches cameras outside the caller's";
                _ = await api.Audit.RecordAsync(http, AuditActions.WatchlistDeleted, id, detail, AuditOutcome.Refused).ConfigureAwait(false);
                return NotFound(id);
            }

            if (await api.Audit.RecordAsync(http, AuditActions.WatchlistDeleted, id, detail).ConfigureAwait(false) is { } unaudited)
                return unaudited;
            var deleted = api.Store.Delete(id);
            api.Matcher.Remove(id);
            if (!deleted)
            {
                // Gone meanwhile by another way than this API: the record above must not stand alone.
                detail["reason"] = "the watchlist was gone when it was to be deleted";
                _ = await api.Audit.RecordAsync(http, AuditActions.WatchlistDeleted, id, detail, AuditOutcome.Failed).ConfigureAwait(false);
                return NotFound(id);
            }

            api.Logger.Deleted(id, watchlist.Name, http.User.ActorId());
            return TypedResults.NoContent();
        }
        finally
        {
            api.ChangeGate.Release();
        }
    }

    internal static NotFound<ProblemDetails> NotFound(string id) =>
        TypedResults.NotFound(ProblemBodies.NotFound("No such watchlist.", $"There is no watchlist {ValidationErrors.Quote(id)}."));

    private static Dictionary<string, string?> Detail(ValidWatchlistRequest request, string? refusal)
    {
        var detail = new Dictionary<string, string?>
        {
            ["name"] = request.Name,
            ["text"] = request.Text,
            ["threshold"] = request.Threshold.ToString(CultureInfo.InvariantCulture),
            ["cameras"] = Cameras(request.Cameras),
        };
        if (refusal is not null)
            detail["reason"] = refusal;
        return detail;
    }

    private static string Cameras(IReadOnlyList<string>? cameras) => cameras is null ? "all" : string.Join(',', cameras);
}
