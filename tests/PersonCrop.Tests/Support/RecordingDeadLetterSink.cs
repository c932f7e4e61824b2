using System.Collections.Concurrent;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.Messaging;

namespace VfeTps.Stream.PersonCrop.Tests.Support;

/// <summary>A dead-letter sink that keeps the letters in memory for the test to read (a fake: the site's sink is SQLite).</summary>
internal sealed class RecordingDeadLetterSink : IDeadLetterSink
{
    private readonly ConcurrentQueue<DeadLetter> _letters = new();

    public IReadOnlyList<DeadLetter> Letters => [.. _letters];

    public ValueTask WriteAsync(DeadLetter letter, CancellationToken cancellationToken)
    {
        _letters.Enqueue(letter);
        return ValueTask.CompletedTask;
    }
}
