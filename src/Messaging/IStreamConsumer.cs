namespace VfeTps.Stream.Messaging;

/// <summary>
/// The stage that consumes a stream of <typeparamref name="TEvent"/>. The host drains the pipeline
/// on shutdown in stream order: it completes a stream, then awaits its consumer's
/// <see cref="Completion"/> (everything read, processed and published downstream) before completing
/// the next stream.
/// </summary>
public interface IStreamConsumer<TEvent>
{
    /// <summary>Finishes when the stage has stopped: after its input stream was completed and drained, or when it was cancelled.</summary>
    Task Completion { get; }
}
