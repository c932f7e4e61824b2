using System.Collections.Concurrent;
using VfeTps.Stream.Contracts.Audit;

namespace VfeTps.Stream.Watchlists.Tests;

/// <summary>Test double of the audit trail: keeps the records in memory, or refuses to write them (a full or broken trail) while <see cref="Failing"/>.</summary>
internal sealed class RecordingAuditTrailForTests : IAuditTrail
{
    private readonly ConcurrentQueue<AuditRecord> _records = new();

    public bool Failing { get; set; }

    public IReadOnlyList<AuditRecord> Records => [.. _records];

    public Task RecordAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        if (Failing)
            throw new IOException("The audit trail's disk is full (test double).");
        _records.Enqueue(record);
        return Task.CompletedTask;
    }
}
