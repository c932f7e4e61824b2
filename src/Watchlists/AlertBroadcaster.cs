using System.Threading.Channels;
using Microsoft.Extensions.Options;
using VfeTps.Stream.Contracts.Access;

namespace VfeTps.Stream.Watchlists;

/// <summary>
/// Hands each new hit to every alert-stream client whose camera scope allows its camera. Each client
/// has its own bounded queue; publishing never waits: a full queue drops the hit for that client only
/// (counted; the stream sends it again from the database, see <see cref="AlertSubscription.TakeMissed"/>),
/// so a slow client never slows the matcher or the other clients.
/// </summary>
internal sealed class AlertBroadcaster : IDisposable
{
    private readonly Lock _gate = new();
    private readonly WatchlistMetrics _metrics;
    private readonly int _buffer;
    private readonly int _maxSubscribers;
    private AlertSubscription[] _subscribers = [];
    private long _nextSubscriberId;
    private bool _closed;

    public AlertBroadcaster(IOptions<WatchlistOptions> options, WatchlistMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metrics);
        _metrics = metrics;
        _buffer = options.Value.SubscriberBuffer;
        _maxSubscribers = options.Value.MaxSubscribers;
    }

    public int Count => Volatile.Read(ref _subscribers).Length;

    /// <summary>A new client's subscription (dispose it when the client goes); null when <see cref="WatchlistOptions.MaxSubscribers"/> are connected or the site is stopping.</summary>
    public AlertSubscription? TrySubscribe(CameraScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        lock (_gate)
        {
            if (_closed || _subscribers.Length >= _maxSubscribers)
                return null;
            var subscription = new AlertSubscription(++_nextSubscriberId, scope, _buffer, this, _metrics);
            _subscribers = [.. _subscribers, subscription];
            _metrics.SubscriberJoined();
            return subscription;
        }
    }

    /// <summary>Offers the hit to every client that may see it; never waits.</summary>
    public void Publish(WatchlistHit hit)
    {
        ArgumentNullException.ThrowIfNull(hit);
        foreach (var subscriber in Volatile.Read(ref _subscribers))
            subscriber.Offer(hit);
    }

    /// <summary>Ends every stream (the site is stopping).</summary>
    public void Dispose()
    {
        AlertSubscription[] subscribers;
        lock (_gate)
        {
            _closed = true;
            subscribers = _subscribers;
        }

        foreach (var subscriber in subscribers)
            subscriber.Complete();
    }

    internal void Remove(AlertSubscription subscription)
    {
        lock (_gate)
        {
            var before = _subscribers.Length;
            _subscribers = [.. _subscribers.Where(s => !ReferenceEquals(s, subscription))];
            if (_subscribers.Length < before)
                _metrics.SubscriberLeft();
        }
    }
}

/// <summary>One alert-stream client's queue of live hits.</summary>
internal sealed class AlertSubscription : IDisposable
{
    private readonly Channel<WatchlistHit> _queue;
    private readonly AlertBroadcaster _owner;
    private readonly WatchlistMetrics _metrics;
    private long _missed;

    internal AlertSubscription(long id, CameraScope scope, int buffer, AlertBroadcaster owner, WatchlistMetrics metrics)
    {
        Id = id;
        Scope = scope;
        _owner = owner;
        _metrics = metrics;
        _queue = Channel.CreateBounded<WatchlistHit>(
            new BoundedChannelOptions(buffer) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true },
            _ => Missed());
    }

    public long Id { get; }

    public CameraScope Scope { get; }

    public ChannelReader<WatchlistHit> Reader => _queue.Reader;

    /// <summary>Live hits dropped since the last call (the client was too slow); the stream then reads them from the database.</summary>
    public long TakeMissed() => Interlocked.Exchange(ref _missed, 0);

    public void Dispose()
    {
        _owner.Remove(this);
        Complete();
    }

    internal void Offer(WatchlistHit hit)
    {
        if (Scope.Allows(hit.CameraId))
            _queue.Writer.TryWrite(hit);
    }

    internal void Complete() => _queue.Writer.TryComplete();

    private void Missed()
    {
        Interlocked.Increment(ref _missed);
        _metrics.AlertDropped();
    }
}
