namespace VfeTps.Stream.Audit;

/// <summary>
/// Bounds of the audit trail (configuration section <see cref="SectionName"/>, validated at start-up by
/// <see cref="AuditOptionsValidator"/>). They keep a hostile request (a 1 MB search text) from bloating the
/// trail: longer values are cut and marked as cut, extra detail entries are dropped and counted.
/// </summary>
public sealed class AuditOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Audit";

    /// <summary>Longest target or detail value kept, in characters; 2000 by default.</summary>
    public int MaxValueCharacters { get; set; } = 2000;

    /// <summary>Most detail entries kept per record (the rest are dropped and their number noted); 32 by default.</summary>
    public int MaxDetailEntries { get; set; } = 32;

    /// <summary>Longest <c>actor</c> or <c>action</c> filter accepted by <c>GET /api/audit</c>; 200 by default.</summary>
    public int MaxFilterCharacters { get; set; } = 200;

    /// <summary>Oldest entries deleted per transaction by retention (appends wait for one batch at most); 1000 by default.</summary>
    public int RetentionBatchSize { get; set; } = 1000;

    /// <summary>Every invalid setting, described; empty when the options are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaxValueCharacters is < 64 or > 1_000_000)
            problems.Add($"{nameof(MaxValueCharacters)} must be between 64 and 1000000 (got {MaxValueCharacters}).");
        if (MaxDetailEntries is < 1 or > 1000)
            problems.Add($"{nameof(MaxDetailEntries)} must be between 1 and 1000 (got {MaxDetailEntries}).");
        if (MaxFilterCharacters is < 16 or > 10_000)
            problems.Add($"{nameof(MaxFilterCharacters)} must be between 16 and 10000 (got {MaxFilterCharacters}).");
        if (RetentionBatchSize is < 1 or > 100_000)
            problems.Add($"{nameof(RetentionBatchSize)} must be between 1 and 100000 (got {RetentionBatchSize}).");
        return problems;
    }
}
