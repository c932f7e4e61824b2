using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using VfeTps.Stream.WebApi;

namespace VfeTps.Stream.Audit.Api;

/// <summary>
/// <c>GET /api/audit</c> (a page of entries, newest first) and <c>GET /api/audit/verify</c> (walks the hash
/// chain). A trail that cannot be read answers 503.
/// </summary>
internal static class AuditEndpoints
{
    public static void Map(RouteGroupBuilder audit)
    {
        audit.MapGet(string.Empty, ListAsync)
            .WithName("ListAuditEntries")
            .WithSummary("Audit entries, newest first, filtered by time, actor and action")
            .WithDescription(
                "from/to: ISO 8601 (from inclusive, to exclusive); actor: an exact actor id (user:alice, key:…) or name; "
                + "action: exact (search.text) or a prefix ending in '.' (search.); before: a sequence number, the 'next' of "
                + "the previous page; limit: 1–1000 (100 by default).")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        audit.MapGet("/verify", VerifyAsync)
            .WithName("VerifyAuditTrail")
            .WithSummary("Check the audit trail's hash chain")
            .WithDescription("Walks every entry from the chain's anchor; brokenAt is the first entry whose hash does not match.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<Results<Ok<AuditPage>, ValidationProblem, ProblemHttpResult>> ListAsync(
        [FromQuery] string? from,
        [FromQuery] string? to,
        [FromQuery] string? actor,
        [FromQuery] string? action,
        [FromQuery] string? before,
        [FromQuery] string? limit,
        [FromServices] SqliteAuditTrail trail,
        [FromServices] IOptions<AuditOptions> options,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var filter = AuditQueryParameters.Filter(from, to, actor, action, before, limit, options.Value, errors);
        if (filter is null)
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The audit query is not valid.");
        try
        {
            return TypedResults.Ok(await trail.QueryAsync(filter, cancellationToken).ConfigureAwait(false));
        }
        catch (AuditTrailUnavailableException)
        {
            return Unavailable();
        }
    }

    private static async Task<Results<Ok<AuditVerification>, ProblemHttpResult>> VerifyAsync(
        [FromServices] SqliteAuditTrail trail, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await trail.VerifyAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (AuditTrailUnavailableException)
        {
            return Unavailable();
        }
    }

    /// <summary>503: the trail's database failed (the cause is in the log, not in the answer).</summary>
    public static ProblemHttpResult Unavailable(string title = "The audit trail cannot be read now.") =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: title,
            detail: "The audit trail's database failed; see the site's log.");
}
