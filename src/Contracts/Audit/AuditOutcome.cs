namespace VfeTps.Stream.Contracts.Audit;

/// <summary>How an audited action ended.</summary>
public enum AuditOutcome
{
    /// <summary>It was done.</summary>
    Succeeded,

    /// <summary>It was refused: not permitted, invalid, throttled.</summary>
    Refused,

    /// <summary>It was permitted but failed on the server's side.</summary>
    Failed,
}
