using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using VfeTps.Stream.Contracts.Audit;
using VfeTps.Stream.WebApi;

namespace VfeTps.Stream.Access;

/// <summary>
/// Wraps the default authorization result handling: every 403 (an authenticated principal lacking a
/// role) is recorded in the audit trail as <c>access.denied</c> with the path and the policy it failed,
/// then answered with a ProblemDetails body. When the record cannot be written the answer is 503 (fail
/// closed, like every audited action). Challenges (401) and successes go to the default handler.
/// </summary>
internal sealed class AccessDeniedAuditor(RequestAudit audit, AccessMetrics metrics) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (!authorizeResult.Forbidden)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
            return;
        }

        metrics.Denied();
        var detail = AuditDetail.Of(
            ("method", context.Request.Method),
            ("policy", PolicyNames(context)),
            ("missing", Missing(authorizeResult.AuthorizationFailure)));
        var record = AuditRecord.Of(
            context.User, AuditActions.AccessDenied, context.Request.Path.Value, detail, AuditOutcome.Refused, ClientAddress.Of(context));
        var result = await audit.TryRecordAsync(record, context.RequestAborted).ConfigureAwait(false)
            ? Problems.Forbidden("You do not have the role this needs.", $"Needs: {detail["missing"]}.")
            : RequestAudit.Unavailable();
        await result.ExecuteAsync(context).ConfigureAwait(false);
    }

    /// <summary>The policies the endpoint names (the fallback policy when it names none).</summary>
    private static string PolicyNames(HttpContext context)
    {
        var named = context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Select(data => data.Policy ?? data.Roles).OfType<string>().Distinct(StringComparer.Ordinal).ToArray() ?? [];
        return named.Length > 0 ? string.Join(",", named) : "fallback";
    }

    private static string Missing(AuthorizationFailure? failure)
    {
        if (failure is null)
            return "unknown";
        var missing = failure.FailedRequirements.Select(requirement => requirement switch
        {
            RolesAuthorizationRequirement roles => $"role {string.Join(" or ", roles.AllowedRoles)}",
            DenyAnonymousAuthorizationRequirement => "an authenticated principal",
            _ => requirement.GetType().Name,
        }).ToArray();
        return missing.Length > 0 ? string.Join("; ", missing) : "an explicit denial";
    }
}
