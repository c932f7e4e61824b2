namespace VfeTps.Stream.Messaging;

/// <summary>Micro-batching of an event stream: a batch closes when it is full or its first event has waited long enough.</summary>
public static class EventBatches
{
    /// <summary>
    /// Batches of 1 to <paramref name="maxSize"/> events. The latency cap counts from the first event
    /// of a batch, so a lone event waits at most <paramref name="maxDelay"/>; under load batches fill
    /// up and the cap never applies. Ends when the stream is completed or the token is cancelled.
    /// </summary>
    public static async IAsyncEnumerable<IReadOnlyList<TEvent>> ReadBatchesAsync<TEvent>(
        this IEventSource<TEvent> source,
        int maxSize,
        TimeSpan maxDelay,
        TimeProvider timeProvider,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, TimeSpan.Zero);
        while (await source.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var batch = new List<TEvent>(maxSize);
            var deadline = timeProvider.GetTimestamp() + (long)(maxDelay.TotalSeconds * timeProvider.TimestampFrequency);
            while (batch.Count < maxSize)
            {
                if (source.TryRead(out var next))
                {
                    batch.Add(next);
                    continue;
                }

                var remaining = TimeSpan.FromSeconds((deadline - timeProvider.GetTimestamp()) / (double)timeProvider.TimestampFrequency);
                if (remaining <= TimeSpan.Zero || !await WaitAsync(source, remaining, timeProvider, cancellationToken).ConfigureAwait(false))
                {
                    break;
                }
            }

            if (batch.Count > 0)
            {
                yield return batch;
            }
        }
    }

    /// <summary>True when an event arrived within <paramref name="timeout"/>; false on time-out or a completed stream.</summary>
    private static async Task<bool> WaitAsync<TEvent>(IEventSource<TEvent> source, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            return await source.WaitToReadAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
