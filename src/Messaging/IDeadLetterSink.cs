using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.Messaging;

/// <summary>Where a stage puts a message it cannot process, so it can go on with the next one.</summary>
public interface IDeadLetterSink
{
    ValueTask WriteAsync(DeadLetter letter, CancellationToken cancellationToken);
}
