using Microsoft.Extensions.Logging;
using VfeTps.Stream.Contracts.Audit;
using VfeTps.Stream.WebApi;

namespace VfeTps.Stream.Access;

/// <summary>
/// How the access endpoints write to the audit trail. Granting or using access (a login, a new user or
/// key, widened roles or cameras, a password) fails closed: no record, no action (503). Removing access
/// (logout, key revocation, disabling or deleting a user, narrower roles or cameras) is never held up by
/// the trail: the record is attempted, a failure is logged at Critical, and the access is removed anyway,
/// because refusing to end a session or revoke a key while the trail is down would keep access open
/// exactly when someone is trying to close it. A record written for an action that then does not happen
/// is followed by a compensating record naming it and why.
/// </summary>
internal sealed partial class AccessAudit(RequestAudit requests, IAuditTrail trail, ILogger<AccessAudit> logger)
{
    /// <summary>The detail naming the action a compensating record takes back.</summary>
    public const string Compensates = "compensates";

    /// <summary>Records an action that grants or uses access; false (logged) when the trail failed: then do not do it.</summary>
    public Task<bool> TryRecordAsync(AuditRecord record, CancellationToken cancellationToken) => requests.TryRecordAsync(record, cancellationToken);

    /// <summary>
    /// Records a removal of access; false when the trail failed (logged at Critical), and the removal is to
    /// be done all the same. Not cancellable: a removal that started is recorded and carried out whole.
    /// </summary>
    public async Task<bool> TryRecordRemovalAsync(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            await trail.RecordAsync(record, CancellationToken.None).ConfigureAwait(false);
            return true;
        }
#pragma warning disable CA1031 // Whatever the trail's failure, the removal goes ahead; it is logged.
        catch (Exception error)
#pragma warning restore CA1031
        {
            RemovalUnrecorded(record.Action, record.ActorId, record.Target, error);
            return false;
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> after <paramref name="recorded"/> was written (null: nothing was, so
    /// nothing to take back). When it throws, or <paramref name="notDone"/> names why the result means it was
    /// not done, a compensating record is appended (<see cref="AuditOutcome.Failed"/> or <see cref="AuditOutcome.Refused"/>).
    /// </summary>
    public async Task<T> CarryOutAsync<T>(AuditRecord? recorded, Func<Task<T>> action, Func<T, string?> notDone)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(notDone);
        T result;
        try
        {
            result = await action().ConfigureAwait(false);
        }
        catch (Exception error) when (recorded is not null)
        {
            var reason = error is OperationCanceledException ? "cancelled" : $"error: {error.GetType().Name}";
            await CompensateAsync(recorded, AuditOutcome.Failed, reason).ConfigureAwait(false);
            throw;
        }

        if (recorded is not null && notDone(result) is { } why)
            await CompensateAsync(recorded, AuditOutcome.Refused, why).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Appends a record saying that <paramref name="recorded"/>'s action did not happen: same action, actor,
    /// target and address, its detail plus <c>compensates</c> (the action) and <c>reason</c>. Written even when
    /// the request was cancelled; a failure is logged at Critical (the trail then overstates what was done).
    /// </summary>
    public async Task CompensateAsync(AuditRecord recorded, AuditOutcome outcome, string reason)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var detail = new Dictionary<string, string?>(recorded.Detail, StringComparer.Ordinal)
        {
            [Compensates] = recorded.Action,
            ["reason"] = reason,
        };
        var compensating = recorded with { Detail = detail, Outcome = outcome };
        try
        {
            await trail.RecordAsync(compensating, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Nothing else can be done but say so loudly.
        catch (Exception error)
#pragma warning restore CA1031
        {
            CompensationUnrecorded(recorded.Action, recorded.ActorId, recorded.Target, reason, error);
        }
    }

    [LoggerMessage(EventId = 64, Level = LogLevel.Critical,
        Message = "The audit trail could not record {Action} by {ActorId} on {Target}; the access was removed anyway (removals are never held up by the trail)")]
    private partial void RemovalUnrecorded(string action, string actorId, string? target, Exception error);

    [LoggerMessage(EventId = 65, Level = LogLevel.Critical,
        Message = "The audit trail holds {Action} by {ActorId} on {Target} as done, but it was not ({Reason}), and the compensating record could not be written")]
    private partial void CompensationUnrecorded(string action, string actorId, string? target, string reason, Exception error);
}
