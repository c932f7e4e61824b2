using Microsoft.AspNetCore.Routing;
using VfeTps.Stream.Search;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the search API's routes.</summary>
public static class SearchEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>/api/search</c>, <c>/api/search/similar</c>, <c>/api/crops/{cropId}/image|frame</c>,
    /// <c>/api/cameras</c>, <c>/api/model</c> and the OpenAPI document at <c>/openapi/v1.json</c>
    /// (so the host must not map <c>MapOpenApi</c> itself). Needs <c>AddSearch</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi();
        var api = app.MapGroup("/api");
        SearchEndpoints.Map(api);
        CropImageEndpoints.Map(api);
        CameraEndpoints.Map(api);
        ModelEndpoints.Map(api);
        return app;
    }
}
