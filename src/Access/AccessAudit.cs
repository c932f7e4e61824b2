using Microsoft.Extensions.Logging;
using VfeTps.Stream.Contracts.Audit;

namespace VfeTps.Stream.Access;

/// <summary>
/// Writes the access library's audit records before the action they describe, and fails closed: when
/// the trail cannot write, <see cref="TryRecordAsync"/> says so and the caller refuses the action (503).
/// Records never carry a password or a key's secret.
/// </summary>
internal sealed partial class AccessAudit(IAuditTrail trail, ILogger<AccessAudit> logger)
{
    /// <summary>True when the record was written; false (logged) when the trail failed.</summary>
    public async Task<bool> TryRecordAsync(AuditRecord record, CancellationToken cancellationToken)
    {
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
            AuditFailed(logger, record.Action, record.ActorId, error);
            return false;
        }
    }

    /// <summary>A detail dictionary from name/value pairs (the values are never secrets).</summary>
    public static IReadOnlyDictionary<string, string?> Detail(params (string Name, string? Value)[] pairs) =>
        pairs.ToDictionary(pair => pair.Name, pair => pair.Value, StringComparer.Ordinal);

    [LoggerMessage(EventId = 61, Level = LogLevel.Error, Message = "The audit trail refused {Action} by {ActorId}; the action was not done")]
    private static partial void AuditFailed(ILogger logger, string action, string actorId, Exception error);
}
