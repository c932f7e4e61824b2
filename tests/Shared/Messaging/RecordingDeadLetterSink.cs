using System.Collections.Concurrent;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.Messaging;

namespace VfeTps.Stream.Testing;

/// <summary>Test double of the dead-letter sink: keeps every letter in memory for the test to read (the site's sink is SQLite).</summary>
/// <remarks>Included by the test projects that use it (it needs VfeTps.Stream.Messaging).</remarks>
internal sealed class RecordingDeadLetterSink : IDeadLetterSink
{
    private readonly ConcurrentQueue<DeadLetter> _letters = new();

    public IReadOnlyList<DeadLetter> Letters => [.. _letters];

    public ValueTask WriteAsync(DeadLetter letter, CancellationToken cancellationToken)
    {
        _letters.Enqueue(letter);
        return ValueTask.CompletedTask;
    }

    public DeadLetter Single(string cropId) => Assert.Single(_letters, letter => letter.Key == cropId);
}
