using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using VfeTps.Stream.Audit.Api;
using VfeTps.Stream.Contracts.Access;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the audit trail's admin routes.</summary>
public static class AuditEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>GET /api/audit</c>, <c>/api/audit/export</c> and <c>/api/audit/verify</c>, each requiring the
    /// <see cref="AccessPolicies.Admin"/> policy (registered by the access library) and answered with
    /// <c>Cache-Control: no-store</c>. Needs <c>AddAuditTrail</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var audit = app.MapGroup("/api/audit")
            .WithTags("Audit")
            .RequireAuthorization(AccessPolicies.Admin)
            .AddEndpointFilter(static async (context, next) =>
            {
                // Who did what is not for a browser or proxy cache to keep.
                context.HttpContext.Response.Headers.CacheControl = "no-store";
                return await next(context).ConfigureAwait(false);
            });
        AuditEndpoints.Map(audit);
        AuditExportEndpoint.Map(audit);
        return app;
    }
}
