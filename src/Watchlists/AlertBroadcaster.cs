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
    private readonly int _maxPerActor;
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
        _maxPerActor = options.Value.MaxSubscribersPerActor;
    }

    public int Count => Volatile.Read(ref _subscribers).Length;

    /// <summary>
    /// A new client's subscription for <paramref name="actorId"/> (dispose it when the client goes); null
    /// when the site is stopping, <see cref="WatchlistOptions.MaxSubscribers"/> clients are connected, or
    /// that actor already has <see cref="WatchlistOptions.MaxSubscribersPerActor"/> (<paramref name="refusal"/> says which).
    /// </summary>
    public AlertSubscription? TrySubscribe(CameraScope scope, string actorId, out SubscriptionRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(actorId);
        lock (_gate)
        {
            refusal = _closed ? SubscriptionRefusal.Closed
                : _subscribers.Length >= _maxSubscribers ? SubscriptionRefusal.SiteFull
                : _subscribers.Count(s => string.Equals(s.ActorId, actorId, StringComparison.Ordinal)) >= _maxPerActor ? SubscriptionRefusal.ActorFull
                : SubscriptionRefusal.None;
            if (refusal != SubscriptionRefusal.None)
                return null;
            var subscription = new AlertSubscription(++_nextSubscriberId, actorId, scope, _buffer, this, _metrics);
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

/// <summary>Why <see cref="AlertBroadcaster.TrySubscribe"/> gave no subscription.</summary>
internal enum SubscriptionRefusal
{
    /// <summary>Not refused.</summary>
    None,

    /// <summary>The site is stopping.</summary>
    Closed,

    /// <summary><see cref="WatchlistOptions.MaxSubscribers"/> clients are connected.</summary>
    SiteFull,

    /// <summary>The actor already has <see cref="WatchlistOptions.MaxSubscribersPerActor"/> clients connected.</summary>
    ActorFull,
}

/// <summary>
/// One alert-stream client's queue of live hits. Its camera scope can change while it is connected
/// (the stream re-authenticates its caller periodically); hits are offered under the scope of the moment.
/// </summary>
internal sealed class AlertSubscription : IDisposable
{
    private readonly Channel<WatchlistHit> _queue;
    private readonly AlertBroadcaster _owner;
    private readonly WatchlistMetrics _metrics;
    private CameraScope _scope;
    private long _missed;

    internal AlertSubscription(long id, string actorId, CameraScope scope, int buffer, AlertBroadcaster owner, WatchlistMetrics metrics)
    {
        Id = id;
        ActorId = actorId;
        _scope = scope;
        _owner = owner;
        _metrics = metrics;
        _queue = Channel.CreateBounded<WatchlistHit>(
            new BoundedChannelOptions(buffer) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true },
            _ => Missed());
    }

    public long Id { get; }

    /// <summary>The user or key that follows the alerts (<c>principal.ActorId()</c>).</summary>
    public string ActorId { get; }

    /// <summary>The cameras whose hits this client gets now.</summary>
    public CameraScope Scope
    {
        get => Volatile.Read(ref _scope);
        set => Volatile.Write(ref _scope, value ?? throw new ArgumentNullException(nameof(value)));
    }

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
