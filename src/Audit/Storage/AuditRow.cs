using VfeTps.Stream.Contracts.Audit;

namespace VfeTps.Stream.Audit.Storage;

/// <summary>
/// One row of <c>audit_entries</c> as stored (outcome as its stored text), which is what the hash chain
/// covers: the chain is verified over these values, not over their parsed form.
/// </summary>
internal sealed record AuditRow(
    long Sequence,
    long TimeUnixMs,
    string Action,
    string ActorId,
    string ActorName,
    string? Target,
    IReadOnlyDictionary<string, string?> Detail,
    string Outcome,
    string? ClientAddress,
    string PreviousHash,
    string Hash)
{
    /// <summary>The API's form; throws <see cref="FormatException"/> for an outcome the trail never writes.</summary>
    public AuditEntry ToEntry()
    {
        if (!Enum.TryParse<AuditOutcome>(Outcome, ignoreCase: false, out var outcome) || !Enum.IsDefined(outcome) || outcome.ToString() != Outcome)
            throw new FormatException($"Audit entry {Sequence} has an unknown outcome.");
        return new AuditEntry(
            Sequence, DateTimeOffset.FromUnixTimeMilliseconds(TimeUnixMs), Action, ActorId, ActorName, Target, Detail, outcome, ClientAddress, Hash);
    }
}
