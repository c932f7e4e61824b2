namespace VfeTps.Stream.Contracts.Audit;

/// <summary>
/// The append-only record of who searched what, who opened which crop or frame, and every camera,
/// key, user, watchlist and model change. Writing is part of the action: a caller whose record cannot
/// be written refuses the action (fail closed), so nothing audited happens unrecorded.
/// </summary>
public interface IAuditTrail
{
    /// <summary>Appends the record durably; throws when it cannot.</summary>
    Task RecordAsync(AuditRecord record, CancellationToken cancellationToken);
}
