using VfeTps.Stream.Contracts.Audit;
using VfeTps.Stream.Inference;

namespace VfeTps.Stream.Host.Site;

/// <summary>Records in the audit trail which model this process serves, once at start (a model change is a restart here).</summary>
public sealed class ServingModelAudit(ServingModel model, IAuditTrail audit) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        string version;
        using (var lease = model.Acquire())
        {
            version = lease.ModelVersion;
        }

        await audit.RecordAsync(AuditRecord.OfSystem(AuditActions.ModelLoaded, version), cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
