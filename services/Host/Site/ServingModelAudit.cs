using VfeTps.Stream.Audit;
using VfeTps.Stream.Contracts.Audit;
using VfeTps.Stream.Inference;

namespace VfeTps.Stream.Host.Site;

/// <summary>
/// Records in the audit trail which model this process serves, once at start, and a model change when
/// the previous start served another one (this site changes its model by restarting with another bundle).
/// </summary>
public sealed class ServingModelAudit(ServingModel model, SqliteAuditTrail audit) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        string version;
        using (var lease = model.Acquire())
        {
            version = lease.ModelVersion;
        }

        var previous = (await audit.QueryAsync(new AuditFilter(Action: AuditActions.ModelLoaded, Limit: 1), cancellationToken).ConfigureAwait(false)).Entries;
        if (previous is [{ Target: { } before }] && !string.Equals(before, version, StringComparison.Ordinal))
        {
            var change = AuditRecord.OfSystem(AuditActions.ModelChanged, version, AuditDetail.Of(("from", before), ("to", version)));
            await audit.RecordAsync(change, cancellationToken).ConfigureAwait(false);
        }

        await audit.RecordAsync(AuditRecord.OfSystem(AuditActions.ModelLoaded, version), cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
