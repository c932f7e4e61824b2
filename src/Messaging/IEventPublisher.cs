namespace VfeTps.Stream.Messaging;

/// <summary>Publishes events of one kind to the next stage (an in-process channel, or a Kafka topic).</summary>
public interface IEventPublisher<in TEvent>
{
    /// <summary>Publishes, waiting while the stream is full (backpressure).</summary>
    ValueTask PublishAsync(TEvent @event, CancellationToken cancellationToken);

    /// <summary>Publishes only if there is room now; false when the stream is full (the caller decides what to drop).</summary>
    bool TryPublish(TEvent @event);
}
