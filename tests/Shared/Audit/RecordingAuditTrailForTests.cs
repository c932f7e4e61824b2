using System.Collections.Concurrent;
using VfeTps.Stream.Contracts.Audit;

namespace VfeTps.Stream.Testing;

/// <summary>
/// Test double of the audit trail, for the libraries' own tests (the site's tests use the real one): keeps
/// every record in memory, and throws like a trail that cannot write while <see cref="Failing"/> is set.
/// <see cref="AfterRecord"/> lets a test act at the moment a record is written (another administrator's
/// change landing between an endpoint's record and its action).
/// </summary>
internal sealed class RecordingAuditTrailForTests : IAuditTrail
{
    private readonly ConcurrentQueue<AuditRecord> _records = new();

    public IReadOnlyList<AuditRecord> Records => [.. _records];

    /// <summary>While true, every write throws (a full disk, a locked database).</summary>
    public bool Failing { get; set; }

    /// <summary>Run after each record is kept (then cleared when it returns true: a one-shot hook).</summary>
    public Func<AuditRecord, Task<bool>>? AfterRecord { get; set; }

    public async Task RecordAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        if (Failing)
            throw new IOException("The audit trail's storage is not writable (test double).");
        _records.Enqueue(record);
        if (AfterRecord is { } hook && await hook(record))
            AfterRecord = null;
    }

    public IReadOnlyList<AuditRecord> Of(string action) => Records.Where(record => record.Action == action).ToArray();
}
