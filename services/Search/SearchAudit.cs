using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using VfeTps.Stream.Contracts.Audit;

namespace VfeTps.Stream.Search;

/// <summary>
/// Writes the search API's audit records (searches, crops and frames opened, camera changes). Fail
/// closed: when the record cannot be written the action is not answered (503), so nothing audited
/// happens unrecorded.
/// </summary>
internal sealed class SearchAudit(IAuditTrail trail, ILogger<SearchAudit> logger)
{
    /// <summary>Records the action of the request's user; null when recorded, else the 503 to answer instead.</summary>
    public async Task<ProblemHttpResult?> RecordAsync(
        HttpContext http,
        string action,
        string? target,
        IReadOnlyDictionary<string, string?>? detail = null,
        AuditOutcome outcome = AuditOutcome.Succeeded)
    {
        var record = AuditRecord.Of(http.User, action, target, detail, outcome, http.Connection.RemoteIpAddress?.ToString());
        try
        {
            await trail.RecordAsync(record, http.RequestAborted).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception error)
        {
            logger.AuditUnavailable(action, error);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The audit trail cannot be written.",
                detail: "Audited actions are refused until the audit trail can record them; try again shortly.");
        }
    }
}
