using Microsoft.Extensions.Time.Testing;

namespace VfeTps.Stream.Messaging.Tests;

/// <summary>
/// Micro-batching under a fake clock: time moves only when a test advances it, so "the batch is not
/// closed yet" is a fact about the code, not about how busy the machine is.
/// </summary>
public sealed class EventBatchesTests
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_backlog_is_cut_into_full_batches_without_waiting()
    {
        var stream = new InProcessEventStream<int>(64);
        for (var i = 0; i < 10; i++)
        {
            await stream.PublishAsync(i, TestContext.Current.CancellationToken);
        }

        await using var batches = stream.ReadBatchesAsync(4, MaxDelay, _clock, TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);

        // The clock never moves: full batches must not wait for the latency cap.
        Assert.Equal([0, 1, 2, 3], await NextAsync(batches));
        Assert.Equal([4, 5, 6, 7], await NextAsync(batches));
        Assert.Equal(2, stream.Backlog);
    }

    [Fact]
    public async Task A_lone_event_is_yielded_when_the_latency_cap_has_passed_and_not_before()
    {
        var stream = new InProcessEventStream<int>(64);
        await stream.PublishAsync(7, TestContext.Current.CancellationToken);
        await using var batches = stream.ReadBatchesAsync(32, MaxDelay, _clock, TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);

        var next = batches.MoveNextAsync().AsTask();
        _clock.Advance(MaxDelay - TimeSpan.FromMilliseconds(1));
        Assert.False(next.IsCompleted, "The batch closed before its latency cap.");

        _clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(await next.WaitAsync(Deadline, TestContext.Current.CancellationToken));
        Assert.Equal([7], batches.Current);
    }

    [Fact]
    public async Task The_latency_cap_counts_from_the_first_event_of_the_batch_not_the_last()
    {
        var stream = new InProcessEventStream<int>(64);
        await stream.PublishAsync(1, TestContext.Current.CancellationToken);
        await using var batches = stream.ReadBatchesAsync(32, MaxDelay, _clock, TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);
        var next = batches.MoveNextAsync().AsTask();

        _clock.Advance(TimeSpan.FromMilliseconds(60));
        await stream.PublishAsync(2, TestContext.Current.CancellationToken);
        await WaitUntilAsync(() => stream.Backlog == 0, "the batcher to take the second event");
        _clock.Advance(TimeSpan.FromMilliseconds(39));
        Assert.False(next.IsCompleted, "The batch closed before its first event had waited the cap.");

        // 100 ms after the first event; a cap restarted by the second event would wait until 160 ms.
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(await next.WaitAsync(Deadline, TestContext.Current.CancellationToken));
        Assert.Equal([1, 2], batches.Current);
    }

    [Fact]
    public async Task The_next_batch_gets_its_own_latency_cap()
    {
        var stream = new InProcessEventStream<int>(64);
        await stream.PublishAsync(1, TestContext.Current.CancellationToken);
        await using var batches = stream.ReadBatchesAsync(32, MaxDelay, _clock, TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);
        var first = batches.MoveNextAsync().AsTask();
        _clock.Advance(MaxDelay);
        Assert.True(await first.WaitAsync(Deadline, TestContext.Current.CancellationToken));
        Assert.Equal([1], batches.Current);

        // Long after the first batch closed, a new event waits its own full cap again.
        _clock.Advance(TimeSpan.FromSeconds(5));
        var second = batches.MoveNextAsync().AsTask();
        await stream.PublishAsync(2, TestContext.Current.CancellationToken);
        await WaitUntilAsync(() => stream.Backlog == 0, "the batcher to take the event");
        _clock.Advance(MaxDelay - TimeSpan.FromMilliseconds(1));
        Assert.False(second.IsCompleted, "The second batch closed early: its cap was counted from before its first event.");
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(await second.WaitAsync(Deadline, TestContext.Current.CancellationToken));
        Assert.Equal([2], batches.Current);
    }

    [Fact]
    public async Task Events_arriving_within_the_cap_fill_the_batch_which_closes_when_full()
    {
        var stream = new InProcessEventStream<int>(64);
        await stream.PublishAsync(0, TestContext.Current.CancellationToken);
        await using var batches = stream.ReadBatchesAsync(3, MaxDelay, _clock, TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);
        var next = batches.MoveNextAsync().AsTask();

        await stream.PublishAsync(1, TestContext.Current.CancellationToken);
        await stream.PublishAsync(2, TestContext.Current.CancellationToken);
        await stream.PublishAsync(3, TestContext.Current.CancellationToken);

        // Full at three events: yielded with the clock standing still, and the fourth waits for the next batch.
        Assert.True(await next.WaitAsync(Deadline, TestContext.Current.CancellationToken));
        Assert.Equal([0, 1, 2], batches.Current);
        Assert.Equal(1, stream.Backlog);
    }

    [Fact]
    public async Task A_zero_cap_yields_whatever_is_waiting_at_once()
    {
        var stream = new InProcessEventStream<int>(64);
        await stream.PublishAsync(1, TestContext.Current.CancellationToken);
        await stream.PublishAsync(2, TestContext.Current.CancellationToken);
        await using var batches = stream.ReadBatchesAsync(32, TimeSpan.Zero, _clock, TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);

        Assert.Equal([1, 2], await NextAsync(batches));
    }

    [Fact]
    public async Task Completion_yields_the_partial_batch_and_then_ends()
    {
        var stream = new InProcessEventStream<int>(64);
        await stream.PublishAsync(1, TestContext.Current.CancellationToken);
        await stream.PublishAsync(2, TestContext.Current.CancellationToken);
        await using var batches = stream.ReadBatchesAsync(32, MaxDelay, _clock, TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);
        var next = batches.MoveNextAsync().AsTask();
        await WaitUntilAsync(() => stream.Backlog == 0, "the batcher to take both events");

        stream.Complete();

        // The clock never reaches the cap: completion alone closes the batch.
        Assert.True(await next.WaitAsync(Deadline, TestContext.Current.CancellationToken));
        Assert.Equal([1, 2], batches.Current);
        Assert.False(await batches.MoveNextAsync().AsTask().WaitAsync(Deadline, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_completed_backlog_comes_out_whole_in_order()
    {
        var stream = new InProcessEventStream<int>(64);
        for (var i = 0; i < 10; i++)
        {
            await stream.PublishAsync(i, TestContext.Current.CancellationToken);
        }

        stream.Complete();

        var batches = new List<IReadOnlyList<int>>();
        await foreach (var batch in stream.ReadBatchesAsync(4, MaxDelay, _clock, TestContext.Current.CancellationToken))
        {
            batches.Add(batch);
        }

        Assert.Equal([4, 4, 2], batches.Select(batch => batch.Count));
        Assert.Equal(Enumerable.Range(0, 10), batches.SelectMany(batch => batch));
    }

    [Fact]
    public async Task An_empty_completed_stream_gives_no_batches()
    {
        var stream = new InProcessEventStream<int>(4);
        stream.Complete();

        var count = 0;
        await foreach (var batch in stream.ReadBatchesAsync(4, MaxDelay, _clock, TestContext.Current.CancellationToken))
        {
            count++;
        }

        Assert.Equal(0, count);
    }

    [Fact]
    public async Task Cancelling_while_waiting_for_the_first_event_ends_the_enumeration()
    {
        var stream = new InProcessEventStream<int>(4);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        await using var batches = stream.ReadBatchesAsync(4, MaxDelay, _clock, cancellation.Token).GetAsyncEnumerator(TestContext.Current.CancellationToken);
        var next = batches.MoveNextAsync().AsTask();
        Assert.False(next.IsCompleted);

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.WaitAsync(Deadline, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Cancelling_while_a_batch_waits_for_more_events_ends_the_enumeration()
    {
        var stream = new InProcessEventStream<int>(4);
        await stream.PublishAsync(1, TestContext.Current.CancellationToken);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        await using var batches = stream.ReadBatchesAsync(4, MaxDelay, _clock, cancellation.Token).GetAsyncEnumerator(TestContext.Current.CancellationToken);
        var next = batches.MoveNextAsync().AsTask();
        Assert.False(next.IsCompleted);

        await cancellation.CancelAsync();

        // Cancellation is not mistaken for the latency cap: no batch comes out, the enumeration throws.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.WaitAsync(Deadline, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Cancelling_through_the_enumerator_token_also_ends_the_enumeration()
    {
        var stream = new InProcessEventStream<int>(4);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        await using var batches = stream.ReadBatchesAsync(4, MaxDelay, _clock, CancellationToken.None).GetAsyncEnumerator(cancellation.Token);
        var next = batches.MoveNextAsync().AsTask();

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.WaitAsync(Deadline, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_very_long_cap_waits_for_completion_instead_of_failing()
    {
        var stream = new InProcessEventStream<int>(4);
        await stream.PublishAsync(1, TestContext.Current.CancellationToken);
        await using var batches = stream.ReadBatchesAsync(4, TimeSpan.FromDays(1), _clock, TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);
        var next = batches.MoveNextAsync().AsTask();
        _clock.Advance(TimeSpan.FromHours(23));
        Assert.False(next.IsCompleted, "A one-day cap closed the batch early.");

        stream.Complete();

        Assert.True(await next.WaitAsync(Deadline, TestContext.Current.CancellationToken));
        Assert.Equal([1], batches.Current);
    }

    [Fact]
    public void Silly_arguments_are_refused_at_the_call_not_at_the_first_read()
    {
        var stream = new InProcessEventStream<int>(4);
        var token = TestContext.Current.CancellationToken;

        Assert.Throws<ArgumentOutOfRangeException>(() => stream.ReadBatchesAsync(0, MaxDelay, _clock, token));
        Assert.Throws<ArgumentOutOfRangeException>(() => stream.ReadBatchesAsync(4, TimeSpan.FromMilliseconds(-1), _clock, token));
        Assert.Throws<ArgumentOutOfRangeException>(() => stream.ReadBatchesAsync(4, TimeSpan.MaxValue, _clock, token));
        Assert.Throws<ArgumentOutOfRangeException>(() => stream.ReadBatchesAsync(4, EventBatches.MaxDelayLimit + TimeSpan.FromTicks(1), _clock, token));
        Assert.Throws<ArgumentNullException>(() => ((IEventSource<int>)null!).ReadBatchesAsync(4, MaxDelay, _clock, token));
        Assert.Throws<ArgumentNullException>(() => stream.ReadBatchesAsync(4, MaxDelay, null!, token));
    }

    private static async Task<IReadOnlyList<int>> NextAsync(IAsyncEnumerator<IReadOnlyList<int>> batches)
    {
        Assert.True(await batches.MoveNextAsync().AsTask().WaitAsync(Deadline, TestContext.Current.CancellationToken), "The batches ended.");
        return batches.Current;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            if (TimeProvider.System.GetElapsedTime(started) > Deadline)
            {
                Assert.Fail($"Waited {Deadline.TotalSeconds:F0} s for {what}.");
            }

            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }
}
