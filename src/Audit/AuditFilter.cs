namespace VfeTps.Stream.Audit;

/// <summary>
/// Which entries <see cref="SqliteAuditTrail.QueryAsync"/> returns, newest first. Every filter is optional.
/// </summary>
/// <param name="From">Only entries written at or after this time.</param>
/// <param name="To">Only entries written before this time.</param>
/// <param name="Actor">Only entries of this actor: an exact actor id (<c>user:alice</c>) or actor name (<c>alice</c>).</param>
/// <param name="Action">Only this action (<c>search.text</c>), or every action under a prefix that ends in '.' (<c>search.</c>).</param>
/// <param name="Before">Only entries with a smaller sequence number (paging: the <see cref="AuditPage.Next"/> of the page before).</param>
/// <param name="Limit">At most this many entries (1–<see cref="MaxLimit"/>).</param>
public sealed record AuditFilter(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Actor = null,
    string? Action = null,
    long? Before = null,
    int Limit = AuditFilter.DefaultLimit)
{
    /// <summary>Entries per page when the caller does not say.</summary>
    public const int DefaultLimit = 100;

    /// <summary>The largest page.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Whether <see cref="Action"/> names a family of actions (<c>search.</c>) rather than one.</summary>
    public bool ActionIsPrefix => Action is { Length: > 0 } action && action[^1] == '.';
}
