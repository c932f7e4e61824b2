using System.Text.Json.Serialization;
using VfeTps.Stream.Contracts.Audit;

namespace VfeTps.Stream.Audit;

/// <summary>
/// One stored entry of the audit trail: an <see cref="AuditRecord"/> as it was bounded and written,
/// with the sequence number and time the trail gave it and the hash that chains it to the entry before.
/// This is the <c>Entry</c> of <c>GET /api/audit</c> and of the exports (camelCase JSON, outcome by name).
/// </summary>
/// <param name="Sequence">Position in the trail (1, 2, …; retention removes the oldest, never renumbers).</param>
/// <param name="Time">When the trail wrote it (the site's clock, millisecond precision, UTC).</param>
/// <param name="Action">One of <see cref="AuditActions"/>.</param>
/// <param name="ActorId">Who: <c>user:{name}</c>, <c>key:{id}</c>, <c>system</c> or <c>anonymous</c>.</param>
/// <param name="ActorName">The actor's display name.</param>
/// <param name="Target">What it was done to, if anything (cut to the configured bound).</param>
/// <param name="Detail">The particulars (values cut to the configured bound, marked when cut).</param>
/// <param name="Outcome">How the action ended.</param>
/// <param name="ClientAddress">The client's IP address, when it came over HTTP.</param>
/// <param name="Hash">SHA-256 (lower-case hex) over the previous entry's hash and this entry's fields.</param>
public sealed record AuditEntry(
    long Sequence,
    DateTimeOffset Time,
    string Action,
    string ActorId,
    string ActorName,
    string? Target,
    IReadOnlyDictionary<string, string?> Detail,
    [property: JsonConverter(typeof(JsonStringEnumConverter<AuditOutcome>))] AuditOutcome Outcome,
    string? ClientAddress,
    string Hash);
