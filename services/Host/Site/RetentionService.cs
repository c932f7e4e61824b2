using Microsoft.Extensions.Options;
using VfeTps.Stream.Audit;
using VfeTps.Stream.Storage;
using VfeTps.Stream.VectorIndex;
using VfeTps.Stream.Watchlists;

namespace VfeTps.Stream.Host.Site;

/// <summary>
/// Deletes what is older than the retention period: vectors (by capture time), crop and frame JPEGs
/// (by write time, which is within seconds of capture), dead letters, watchlist hits and audit entries (oldest first,
/// so the audit chain stays verifiable). Runs at start and then
/// every <see cref="SiteOptions.RetentionInterval"/>; a failed round is logged and retried next time.
/// </summary>
public sealed partial class RetentionService(
    IVectorIndex index,
    IBlobStore blobs,
    SqliteDeadLetterStore deadLetters,
    SqliteAuditTrail audit,
    WatchlistRetention watchlists,
    IOptions<SiteOptions> options,
    TimeProvider timeProvider,
    ILogger<RetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RetentionInterval, timeProvider);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogFailed(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>One retention round; returns how many vectors were deleted.</summary>
    public async Task<long> RunOnceAsync(CancellationToken cancellationToken)
    {
        var cutoff = timeProvider.GetUtcNow() - options.Value.Retention;
        var vectors = await index.DeleteCapturedBeforeAsync(cutoff, cancellationToken).ConfigureAwait(false);
        var crops = await blobs.DeleteWrittenBeforeAsync("crops/", cutoff, cancellationToken).ConfigureAwait(false);
        var frames = await blobs.DeleteWrittenBeforeAsync("frames/", cutoff, cancellationToken).ConfigureAwait(false);
        var letters = deadLetters.DeleteBefore(cutoff);
        var hits = watchlists.DeleteHitsCapturedBefore(cutoff);
        var audited = await audit.DeleteBeforeAsync(cutoff, cancellationToken).ConfigureAwait(false);
        if (vectors + crops + frames + letters + hits + audited > 0)
        {
            LogDeleted(cutoff, vectors, crops, frames, letters, hits, audited);
        }

        return vectors;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted what was captured before {Cutoff:O}: {Vectors} vectors, {Crops} crops, {Frames} frames, {Letters} dead letters, {Hits} watchlist hits, {Audited} audit entries")]
    private partial void LogDeleted(DateTimeOffset cutoff, long vectors, long crops, long frames, int letters, int hits, int audited);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention round failed; it runs again at the next interval")]
    private partial void LogFailed(Exception exception);
}
