namespace VfeTps.Stream.Audit;

/// <summary>
/// What <c>GET /api/audit/verify</c> found walking the hash chain from its anchor (the genesis, or the
/// last entry retention deleted) to the newest entry.
/// </summary>
/// <param name="Intact">True when every entry's hash matches its fields and the hash of the entry before.</param>
/// <param name="Entries">Entries in the trail.</param>
/// <param name="FirstSequence">The oldest entry's sequence; null when the trail is empty.</param>
/// <param name="LastSequence">The newest entry's sequence; null when the trail is empty.</param>
/// <param name="BrokenAt">The first entry whose hash does not match (edited, inserted, or its predecessor removed); null when intact.</param>
public sealed record AuditVerification(bool Intact, long Entries, long? FirstSequence, long? LastSequence, long? BrokenAt);
