using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using VfeTps.Stream.Contracts.Audit;

namespace VfeTps.Stream.WebApi;

/// <summary>
/// Writes the audit records of the site's HTTP APIs (searches, crops opened, camera, key, user and
/// watchlist changes, logins) and fails closed: when the trail cannot write, the action is not done
/// and the caller answers 503 (<see cref="Unavailable"/>), so nothing audited happens unrecorded.
/// </summary>
public sealed partial class RequestAudit(IAuditTrail trail, ILogger<RequestAudit> logger)
{
    /// <summary>True when the record was written; false (logged) when the trail failed.</summary>
    public async Task<bool> TryRecordAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            await trail.RecordAsync(record, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any failure of the trail refuses the action; the caller answers 503.
        catch (Exception error)
#pragma warning restore CA1031
        {
            AuditFailed(record.Action, record.ActorId, error);
            return false;
        }
    }

    /// <summary>Records an action of the request's user; null when recorded, else the 503 to answer instead.</summary>
    public async Task<ProblemHttpResult?> RecordAsync(
        HttpContext http,
        string action,
        string? target,
        IReadOnlyDictionary<string, string?>? detail = null,
        AuditOutcome outcome = AuditOutcome.Succeeded)
    {
        ArgumentNullException.ThrowIfNull(http);
        var record = AuditRecord.Of(http.User, action, target, detail, outcome, ClientAddress.Of(http));
        return await TryRecordAsync(record, http.RequestAborted).ConfigureAwait(false) ? null : Unavailable();
    }

    /// <summary>The answer to an audited action whose record could not be written.</summary>
    public static ProblemHttpResult Unavailable() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "The action could not be recorded in the audit trail, so it was not done.",
            detail: "Audited actions are recorded before they happen; the audit trail is not writable now. Try again shortly.");

    // A Warning: the trail logs the failure itself, with its cause, as an Error.
    [LoggerMessage(EventId = 61, Level = LogLevel.Warning, Message = "{Action} by {ActorId} was refused: the audit trail could not record it")]
    private partial void AuditFailed(string action, string actorId, Exception error);
}
