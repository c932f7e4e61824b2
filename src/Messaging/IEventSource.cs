namespace VfeTps.Stream.Messaging;

/// <summary>Where a stage reads its input events from.</summary>
public interface IEventSource<TEvent>
{
    /// <summary>Events in publication order, until cancelled or the stream is completed.</summary>
    IAsyncEnumerable<TEvent> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>Events waiting to be read (for health and metrics).</summary>
    int Backlog { get; }
}
