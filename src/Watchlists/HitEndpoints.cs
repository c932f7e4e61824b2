using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using VfeTps.Stream.Contracts.Access;
using VfeTps.Stream.WebApi;

namespace VfeTps.Stream.Watchlists;

/// <summary><c>GET /api/watchlists/hits?watchlistId=&amp;before=&amp;limit=</c>: kept hits, newest first, of the caller's cameras only.</summary>
internal static class HitEndpoints
{
    /// <summary>Hits per page when the request gives no limit.</summary>
    public const int DefaultLimit = 100;

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/watchlists/hits", List)
            .WithName("ListWatchlistHits")
            .WithSummary("List watchlist hits")
            .WithDescription(
                "Kept hits on cameras the caller may see, newest first; of one watchlist or all. Page with before = the last hit id of the previous page.");

    private static Results<Ok<HitResponse[]>, ValidationProblem, NotFound<ProblemDetails>> List(
        HttpContext http, [FromServices] WatchlistApi api, string? watchlistId, string? before, string? limit)
    {
        var errors = new ValidationErrors();
        if (watchlistId is not null && !WatchlistIds.IsValid(watchlistId))
            errors.Add("watchlistId", "Not a watchlist id (wl- and 16 hex digits).");
        var beforeId = QueryNumbers.Read(before, "before", 1, long.MaxValue, errors);
        var pageSize = (int?)QueryNumbers.Read(limit, "limit", 1, api.Options.MaxHitsPerPage, errors) ?? Math.Min(DefaultLimit, api.Options.MaxHitsPerPage);
        if (errors.Any)
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The query is not valid.");
        if (watchlistId is not null && api.Store.Get(watchlistId) is null)
            return WatchlistEndpoints.NotFound(watchlistId);

        var hits = api.Store.ListHits(http.User.CameraScope(), watchlistId, beforeId, pageSize);
        return TypedResults.Ok(hits.Select(hit => HitResponse.Of(hit, http.Request.PathBase)).ToArray());
    }
}
