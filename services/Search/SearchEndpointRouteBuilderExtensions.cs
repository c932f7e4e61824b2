using Microsoft.AspNetCore.Routing;
using VfeTps.Stream.Contracts.Access;
using VfeTps.Stream.Search;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the search API's routes.</summary>
public static class SearchEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>/api/search</c>, <c>/api/search/similar</c>, <c>/api/crops/{cropId}/image|frame</c>
    /// (operators; searches rate-limited per key or user), <c>/api/cameras</c> (read by anyone signed in,
    /// changed by integrators), <c>/api/model</c> (anyone signed in) and the OpenAPI document at
    /// <c>/openapi/v1.json</c> (so the host must not map <c>MapOpenApi</c> itself). Needs <c>AddSearch</c>
    /// and the access library's authentication, policies and rate limiter.
    /// </summary>
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi().RequireAuthorization(AccessPolicies.Authenticated);
        var api = app.MapGroup("/api");
        SearchEndpoints.Map(api.MapGroup(string.Empty).RequireAuthorization(AccessPolicies.Operator).RequireRateLimiting(AccessPolicies.SearchRateLimit));
        CropImageEndpoints.Map(api.MapGroup(string.Empty).RequireAuthorization(AccessPolicies.Operator));
        CameraEndpoints.Map(api);
        ModelEndpoints.Map(api.MapGroup(string.Empty).RequireAuthorization(AccessPolicies.Authenticated));
        return app;
    }
}
