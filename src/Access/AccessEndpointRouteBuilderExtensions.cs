using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VfeTps.Stream.Access;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the access API's routes.</summary>
public static class AccessEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>/api/auth/login|logout|me|password</c> and the admin routes <c>/api/users</c> and
    /// <c>/api/keys</c> (OpenAPI tag "Access"). Needs <c>AddSiteAccess</c> and <c>UseSiteAccess</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapAccessApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // No .Accepts<T>("application/json"): with it the router answers another content type itself, with a
        // body-less 415 (and, on the anonymous login, a 401 from the fallback policy); the bodies are read by
        // JsonBodyReader, which answers 415 as ProblemDetails. The descriptions name each body's fields.
        var api = app.MapGroup("/api").WithTags("Access");
        var auth = api.MapGroup("/auth");
        LoginEndpoints.Map(auth);
        SessionEndpoints.Map(auth);
        UserEndpoints.Map(api);
        KeyEndpoints.Map(api);
        return app;
    }
}
