namespace VfeTps.Stream.Messaging;

/// <summary>Micro-batching of an event stream: a batch closes when it is full or its first event has waited long enough.</summary>
public static class EventBatches
{
    /// <summary>The longest latency cap accepted: a day is already far beyond any sensible batching delay.</summary>
    public static readonly TimeSpan MaxDelayLimit = TimeSpan.FromDays(1);

    /// <summary>
    /// Batches of 1 to <paramref name="maxSize"/> events. The latency cap counts from the first event
    /// of a batch, so a lone event waits at most <paramref name="maxDelay"/>; under load batches fill
    /// up and the cap never applies. Ends when the stream is completed (with the partial batch) or
    /// throws <see cref="OperationCanceledException"/> when the token is cancelled.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="maxSize"/> is not positive, or <paramref name="maxDelay"/> is negative or above <see cref="MaxDelayLimit"/>
    /// (thrown at the call, not at the first read).
    /// </exception>
    public static IAsyncEnumerable<IReadOnlyList<TEvent>> ReadBatchesAsync<TEvent>(
        this IEventSource<TEvent> source,
        int maxSize,
        TimeSpan maxDelay,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxDelay, MaxDelayLimit);
        return ReadValidatedBatchesAsync(source, maxSize, maxDelay, timeProvider, cancellationToken);
    }

    private static async IAsyncEnumerable<IReadOnlyList<TEvent>> ReadValidatedBatchesAsync<TEvent>(
        IEventSource<TEvent> source,
        int maxSize,
        TimeSpan maxDelay,
        TimeProvider timeProvider,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await source.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var batch = new List<TEvent>(maxSize);
            var firstEventAt = timeProvider.GetTimestamp();
            while (batch.Count < maxSize)
            {
                if (source.TryRead(out var next))
                {
                    batch.Add(next);
                    continue;
                }

                var remaining = maxDelay - timeProvider.GetElapsedTime(firstEventAt);
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
