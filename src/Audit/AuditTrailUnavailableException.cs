namespace VfeTps.Stream.Audit;

/// <summary>
/// The audit trail could not write (or read) its database. Thrown by <see cref="SqliteAuditTrail.RecordAsync"/>
/// so that the caller refuses the audited action (fail closed). An <see cref="InvalidOperationException"/>, so
/// callers that only know <c>IAuditTrail</c> can treat it like any other "cannot do this now" (503).
/// </summary>
public sealed class AuditTrailUnavailableException : InvalidOperationException
{
    public AuditTrailUnavailableException()
    {
    }

    public AuditTrailUnavailableException(string message)
        : base(message)
    {
    }

    public AuditTrailUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
