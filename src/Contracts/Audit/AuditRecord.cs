using System.Security.Claims;
using VfeTps.Stream.Contracts.Access;

namespace VfeTps.Stream.Contracts.Audit;

/// <summary>
/// One audited action, as a service hands it to <see cref="IAuditTrail"/> (the trail stamps the time
/// and its sequence number).
/// </summary>
/// <param name="Action">One of <see cref="AuditActions"/>.</param>
/// <param name="ActorId">Who: <c>user:{name}</c>, <c>key:{id}</c>, <c>system</c> or <c>anonymous</c>.</param>
/// <param name="ActorName">The actor's display name.</param>
/// <param name="Target">What it was done to (a crop id, a camera id, a key id, a user name), if anything.</param>
/// <param name="Detail">The particulars: query text, filters, result count, reason of a refusal.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="ClientAddress">The client's IP address, when it came over HTTP.</param>
public sealed record AuditRecord(
    string Action,
    string ActorId,
    string ActorName,
    string? Target,
    IReadOnlyDictionary<string, string?> Detail,
    AuditOutcome Outcome,
    string? ClientAddress)
{
    /// <summary>An action of the principal <paramref name="actor"/>.</summary>
    public static AuditRecord Of(
        ClaimsPrincipal actor,
        string action,
        string? target = null,
        IReadOnlyDictionary<string, string?>? detail = null,
        AuditOutcome outcome = AuditOutcome.Succeeded,
        string? clientAddress = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return new AuditRecord(action, actor.ActorId(), actor.ActorName(), target, detail ?? Empty, outcome, clientAddress);
    }

    /// <summary>An action of the site itself (a model loaded at start, retention).</summary>
    public static AuditRecord OfSystem(string action, string? target = null, IReadOnlyDictionary<string, string?>? detail = null) =>
        new(action, "system", "system", target, detail ?? Empty, AuditOutcome.Succeeded, null);

    private static readonly IReadOnlyDictionary<string, string?> Empty = new Dictionary<string, string?>();
}
