using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VfeTps.Stream.Contracts.Access;
using VfeTps.Stream.Watchlists;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the watchlist API's routes.</summary>
public static class WatchlistEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>GET/POST /api/watchlists</c>, <c>DELETE /api/watchlists/{id}</c>, <c>GET /api/watchlists/hits</c>
    /// and <c>GET /api/alerts/stream</c> (server-sent events), all for operators (policy
    /// <see cref="AccessPolicies.Operator"/>), tagged "Watchlists". Needs <c>AddWatchlists</c> and the
    /// access library's authentication and policies.
    /// </summary>
    public static IEndpointRouteBuilder MapWatchlistApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api").RequireAuthorization(AccessPolicies.Operator).WithTags("Watchlists");
        HitEndpoints.Map(api);
        WatchlistEndpoints.Map(api);
        AlertStreamEndpoint.Map(api);
        return app;
    }
}
