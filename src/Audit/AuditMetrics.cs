using System.Diagnostics.Metrics;

namespace VfeTps.Stream.Audit;

/// <summary>
/// The audit trail's metrics on the meter <see cref="MeterName"/>: entries written by action, writes that
/// failed (each one an action that was refused), and entries removed by retention. Created through
/// <see cref="IMeterFactory"/>, so each host (and each test) has its own instruments.
/// </summary>
public sealed class AuditMetrics
{
    /// <summary>The meter's name (add it to the host's metrics exporter).</summary>
    public const string MeterName = "VfeTps.Stream.Audit";

    private readonly Counter<long> _written;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _deleted;

    public AuditMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _written = meter.CreateCounter<long>("vfetps.audit.entries", "{entry}", "Audit entries written, by action.");
        _failed = meter.CreateCounter<long>(
            "vfetps.audit.write_failures", "{failure}", "Audit records that could not be written (the audited action was refused), by action.");
        _deleted = meter.CreateCounter<long>("vfetps.audit.retention_deleted", "{entry}", "Oldest audit entries deleted by retention.");
    }

    internal void Written(string action) => _written.Add(1, new KeyValuePair<string, object?>("action", action));

    internal void WriteFailed(string action) => _failed.Add(1, new KeyValuePair<string, object?>("action", action));

    internal void Deleted(int entries) => _deleted.Add(entries);
}
