namespace VfeTps.Stream.Messaging;

/// <summary>
/// Publishes each event to every one of several streams, each with its own consumer (the Embedder's
/// CropEmbedded notifications feed both the latency meter and the watchlists). <see cref="TryPublish"/>
/// offers it to every stream, so one full stream never keeps it from the others; <see cref="PublishAsync"/>
/// waits on each stream in turn.
/// </summary>
public sealed class FanOutPublisher<TEvent> : IEventPublisher<TEvent>
{
    private readonly IEventPublisher<TEvent>[] _targets;

    public FanOutPublisher(params IEventPublisher<TEvent>[] targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Length == 0 || targets.Any(target => target is null))
            throw new ArgumentException("At least one publisher, and no null one, is needed.", nameof(targets));
        _targets = targets;
    }

    /// <summary>Publishes to each stream in turn, waiting while one is full.</summary>
    public async ValueTask PublishAsync(TEvent @event, CancellationToken cancellationToken)
    {
        foreach (var target in _targets)
        {
            await target.PublishAsync(@event, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Offers the event to every stream; true only when every one took it.</summary>
    public bool TryPublish(TEvent @event)
    {
        var all = true;
        foreach (var target in _targets)
        {
            all &= target.TryPublish(@event);
        }

        return all;
    }
}
