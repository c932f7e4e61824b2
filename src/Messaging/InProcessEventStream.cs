using System.Threading.Channels;

namespace VfeTps.Stream.Messaging;

/// <summary>
/// The embedded deployment's event stream: a bounded channel. Capacity bounds memory; a full stream
/// makes <see cref="PublishAsync"/> wait, so a slow stage slows the ones before it instead of
/// buffering without limit.
/// </summary>
public sealed class InProcessEventStream<TEvent> : IEventPublisher<TEvent>, IEventSource<TEvent>
{
    private readonly Channel<TEvent> _channel;

    public InProcessEventStream(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        _channel = Channel.CreateBounded<TEvent>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
    }

    public int Capacity { get; }

    public int Backlog => _channel.Reader.Count;

    public ValueTask PublishAsync(TEvent @event, CancellationToken cancellationToken) =>
        _channel.Writer.WriteAsync(@event, cancellationToken);

    public bool TryPublish(TEvent @event) => _channel.Writer.TryWrite(@event);

    public IAsyncEnumerable<TEvent> ReadAllAsync(CancellationToken cancellationToken) =>
        _channel.Reader.ReadAllAsync(cancellationToken);

    public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken) =>
        _channel.Reader.WaitToReadAsync(cancellationToken);

    public bool TryRead(out TEvent @event) => _channel.Reader.TryRead(out @event!);

    /// <summary>No more events will come: readers finish once the backlog is read.</summary>
    public void Complete() => _channel.Writer.TryComplete();
}
