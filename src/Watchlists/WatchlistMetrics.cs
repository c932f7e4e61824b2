using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace VfeTps.Stream.Watchlists;

/// <summary>
/// The watchlists' metrics on the meter <see cref="MeterName"/>: crops matched, hits raised, crops
/// skipped (by reason), feed notifications dropped, alert-stream subscribers and the live events they
/// missed. Created through <see cref="IMeterFactory"/>, so each host (and test server) has its own
/// instruments; the totals are also kept here for health reports and tests.
/// </summary>
public sealed class WatchlistMetrics
{
    /// <summary>The meter's name (add it to the host's metrics exporter).</summary>
    public const string MeterName = "VfeTps.Stream.Watchlists";

    private readonly Counter<long> _matched;
    private readonly Counter<long> _hits;
    private readonly Counter<long> _skipped;
    private readonly Counter<long> _feedDropped;
    private readonly UpDownCounter<long> _subscribers;
    private readonly Counter<long> _alertsDropped;
    private readonly ConcurrentDictionary<string, long> _skippedByReason = new(StringComparer.Ordinal);
    private long _matchedTotal;
    private long _hitsTotal;
    private long _feedDroppedTotal;
    private long _subscribersNow;
    private long _alertsDroppedTotal;

    public WatchlistMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _matched = meter.CreateCounter<long>("vfetps.watchlists.crops_matched", "{crop}", "New crops scored against the watchlists.");
        _hits = meter.CreateCounter<long>("vfetps.watchlists.hits", "{hit}", "Hits raised (one per watchlist, camera and track).");
        _skipped = meter.CreateCounter<long>(
            "vfetps.watchlists.crops_skipped", "{crop}",
            "New crops not matched, by reason (vector, crop_id, model_version, error).");
        _feedDropped = meter.CreateCounter<long>(
            "vfetps.watchlists.feed_dropped", "{crop}", "New-crop notifications dropped because the matcher fell behind (the oldest go first).");
        _subscribers = meter.CreateUpDownCounter<long>("vfetps.watchlists.subscribers", "{client}", "Clients connected to the alert stream.");
        _alertsDropped = meter.CreateCounter<long>(
            "vfetps.watchlists.alerts_dropped", "{hit}", "Live hits a slow alert-stream client could not take at once (sent again from the database).");
    }

    /// <summary>Crops scored since start.</summary>
    public long CropsMatched => Interlocked.Read(ref _matchedTotal);

    /// <summary>Hits raised since start.</summary>
    public long HitsRaised => Interlocked.Read(ref _hitsTotal);

    /// <summary>Notifications the feed dropped since start.</summary>
    public long FeedDropped => Interlocked.Read(ref _feedDroppedTotal);

    /// <summary>Alert-stream clients connected now.</summary>
    public long Subscribers => Interlocked.Read(ref _subscribersNow);

    /// <summary>Live events slow clients missed since start.</summary>
    public long AlertsDropped => Interlocked.Read(ref _alertsDroppedTotal);

    /// <summary>Crops skipped since start for <paramref name="reason"/>.</summary>
    public long CropsSkipped(string reason) => _skippedByReason.TryGetValue(reason, out var count) ? count : 0;

    internal void Matched()
    {
        _matched.Add(1);
        Interlocked.Increment(ref _matchedTotal);
    }

    internal void HitRaised(string watchlistId)
    {
        _hits.Add(1, new KeyValuePair<string, object?>("watchlist", watchlistId));
        Interlocked.Increment(ref _hitsTotal);
    }

    internal void Skipped(string reason)
    {
        _skipped.Add(1, new KeyValuePair<string, object?>("reason", reason));
        _skippedByReason.AddOrUpdate(reason, 1, static (_, count) => count + 1);
    }

    internal void FeedDroppedOne()
    {
        _feedDropped.Add(1);
        Interlocked.Increment(ref _feedDroppedTotal);
    }

    internal void SubscriberJoined()
    {
        _subscribers.Add(1);
        Interlocked.Increment(ref _subscribersNow);
    }

    internal void SubscriberLeft()
    {
        _subscribers.Add(-1);
        Interlocked.Decrement(ref _subscribersNow);
    }

    internal void AlertDropped()
    {
        _alertsDropped.Add(1);
        Interlocked.Increment(ref _alertsDroppedTotal);
    }
}
