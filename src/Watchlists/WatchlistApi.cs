using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VfeTps.Stream.Contracts.Access;
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

    /// <summary>
    /// Serialises creations and deletions: the watchlist count cannot pass <see cref="WatchlistOptions.MaxWatchlists"/>
    /// between the check and the insert, and a watchlist found for deletion is still there when its audit record is written.
    /// </summary>
    public SemaphoreSlim ChangeGate { get; } = new(1, 1);

    /// <summary>The watchlist as <paramref name="scope"/>'s caller may see it (cameras outside the scope only counted).</summary>
    public WatchlistResponse Describe(Watchlist watchlist, (long Hits, DateTimeOffset? LastHitAt) hits, CameraScope scope)
    {
        ArgumentNullException.ThrowIfNull(watchlist);
        ArgumentNullException.ThrowIfNull(scope);
        var calibration = Matcher.CalibrationOf(watchlist.Id);
        IReadOnlyList<string>? cameras = watchlist.Cameras is { } all && !scope.IsEverything ? [.. all.Where(scope.Allows)] : watchlist.Cameras;
        var hidden = (watchlist.Cameras?.Count ?? 0) - (cameras?.Count ?? 0);
        return new WatchlistResponse(
            watchlist.Id, watchlist.Name, watchlist.Text, watchlist.Threshold, cameras, hidden, watchlist.CreatedBy, watchlist.CreatedAt,
            Matcher.VectorVersionOf(watchlist.Id) ?? watchlist.ModelVersion,
            new CalibrationResponse(calibration.Crops, Math.Round(calibration.Mean, 6), Math.Round(calibration.StandardDeviation, 6), calibration.Ready),
            hits.Hits, hits.LastHitAt);
    }
}
