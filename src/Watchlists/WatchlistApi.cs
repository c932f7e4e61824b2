using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VfeTps.Stream.Inference;
using VfeTps.Stream.WebApi;

namespace VfeTps.Stream.Watchlists;

/// <summary>What the watchlist endpoints share: limits, the store, the matcher's live state, the model, the audit writer.</summary>
internal sealed class WatchlistApi(
    IOptions<WatchlistOptions> options,
    WatchlistStore store,
    WatchlistMatcher matcher,
    AlertBroadcaster broadcaster,
    ServingModel model,
    RequestAudit audit,
    WatchlistMetrics metrics,
    TimeProvider time,
    ILogger<WatchlistApi> logger)
{
    public WatchlistOptions Options { get; } = options.Value;

    public WatchlistStore Store { get; } = store;

    public WatchlistMatcher Matcher { get; } = matcher;

    public AlertBroadcaster Broadcaster { get; } = broadcaster;

    public ServingModel Model { get; } = model;

    public RequestAudit Audit { get; } = audit;

    public WatchlistMetrics Metrics { get; } = metrics;

    public TimeProvider Time { get; } = time;

    public ILogger Logger { get; } = logger;

    /// <summary>Serialises creations, so that the watchlist count cannot pass <see cref="WatchlistOptions.MaxWatchlists"/> between the check and the insert.</summary>
    public SemaphoreSlim CreationGate { get; } = new(1, 1);

    public WatchlistResponse Describe(Watchlist watchlist, (long Hits, DateTimeOffset? LastHitAt) hits)
    {
        var calibration = Matcher.CalibrationOf(watchlist.Id);
        return new WatchlistResponse(
            watchlist.Id, watchlist.Name, watchlist.Text, watchlist.Threshold, watchlist.Cameras, watchlist.CreatedBy, watchlist.CreatedAt,
            Matcher.VectorVersionOf(watchlist.Id) ?? watchlist.ModelVersion,
            new CalibrationResponse(calibration.Crops, Math.Round(calibration.Mean, 6), Math.Round(calibration.StandardDeviation, 6), calibration.Ready),
            hits.Hits, hits.LastHitAt);
    }
}
