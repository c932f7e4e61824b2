namespace VfeTps.Stream.Audit;

/// <summary>One page of <c>GET /api/audit</c>: entries newest first.</summary>
/// <param name="Entries">The entries, newest (highest sequence) first.</param>
/// <param name="Next">The sequence to pass as <c>before</c> for the next (older) page; null when this is the last page.</param>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, long? Next);
