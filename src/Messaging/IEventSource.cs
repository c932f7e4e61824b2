namespace VfeTps.Stream.Messaging;

/// <summary>Where a stage reads its input events from.</summary>
public interface IEventSource<TEvent>
{
    /// <summary>Events waiting to be read (for health and metrics).</summary>
    int Backlog { get; }

    /// <summary>Events in publication order, until cancelled or the stream is completed.</summary>
    IAsyncEnumerable<TEvent> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>Waits until an event can be read; false once the stream is completed and drained.</summary>
    ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken);

    /// <summary>Takes the next event if one is waiting.</summary>
    bool TryRead(out TEvent @event);
}
