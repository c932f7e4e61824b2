using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.Messaging;

namespace VfeTps.Stream.Watchlists;

/// <summary>
/// The watchlist matcher's input: a bounded in-memory queue of the Embedder's <see cref="CropEmbedded"/>
/// notifications. Publishing never waits, so the watchlists can never hold up the Embedder: when the
/// matcher has fallen <see cref="WatchlistOptions.FeedCapacity"/> crops behind, the oldest waiting
/// notification is dropped (counted in <c>vfetps.watchlists.feed_dropped</c>, logged at most every
/// 10 s). A dropped crop is still searchable; it only goes unmatched.
/// </summary>
public sealed class WatchlistCropFeed : IEventPublisher<CropEmbedded>
{
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(10);

    private readonly Channel<CropEmbedded> _channel;
    private readonly WatchlistMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Lock _logGate = new();
    private long _droppedSinceLog;
    private long _lastLogTimestamp;

    public WatchlistCropFeed(IOptions<WatchlistOptions> options, WatchlistMetrics metrics, ILogger<WatchlistCropFeed> logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(time);
        _metrics = metrics;
        _logger = logger;
        _time = time;
        Capacity = options.Value.FeedCapacity;
        _lastLogTimestamp = time.GetTimestamp() - (long)(LogInterval.TotalSeconds * time.TimestampFrequency);
        _channel = Channel.CreateBounded<CropEmbedded>(
            new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            OnDropped);
    }

    /// <summary>The most notifications waiting at once.</summary>
    public int Capacity { get; }

    /// <summary>Notifications waiting for the matcher.</summary>
    public int Backlog => _channel.Reader.Count;

    /// <summary>Notifications dropped since start (the matcher was too far behind).</summary>
    public long Dropped => _metrics.FeedDropped;

    /// <summary>What the matcher reads.</summary>
    internal ChannelReader<CropEmbedded> Reader => _channel.Reader;

    /// <summary>Queues the notification at once (dropping the oldest when full); never waits.</summary>
    public ValueTask PublishAsync(CropEmbedded @event, CancellationToken cancellationToken)
    {
        TryPublish(@event);
        return ValueTask.CompletedTask;
    }

    /// <summary>Queues the notification, dropping the oldest waiting one when full; false only after <see cref="Complete"/>.</summary>
    public bool TryPublish(CropEmbedded @event) => _channel.Writer.TryWrite(@event);

    /// <summary>No more notifications (the matcher finishes what is queued, then stops).</summary>
    public void Complete() => _channel.Writer.TryComplete();

    private void OnDropped(CropEmbedded dropped)
    {
        _metrics.FeedDroppedOne();
        Interlocked.Increment(ref _droppedSinceLog);

        // One line per interval at most: a stalled matcher must not flood the log as well.
        var now = _time.GetTimestamp();
        if (_time.GetElapsedTime(Interlocked.Read(ref _lastLogTimestamp), now) < LogInterval || !_logGate.TryEnter())
            return;
        try
        {
            var elapsed = _time.GetElapsedTime(_lastLogTimestamp, now);
            if (elapsed < LogInterval)
                return;
            Interlocked.Exchange(ref _lastLogTimestamp, now);
            _logger.FeedDropped(Interlocked.Exchange(ref _droppedSinceLog, 0), Math.Min(elapsed.TotalSeconds, 3600), _metrics.FeedDropped);
        }
        finally
        {
            _logGate.Exit();
        }
    }
}
