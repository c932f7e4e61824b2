namespace VfeTps.Stream.Messaging.Tests;

public sealed class InProcessEventStreamTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Events_are_read_in_publication_order()
    {
        var stream = new InProcessEventStream<int>(8);
        for (var i = 0; i < 5; i++)
        {
            await stream.PublishAsync(i, TestContext.Current.CancellationToken);
        }

        stream.Complete();

        Assert.Equal([0, 1, 2, 3, 4], await ReadAllAsync(stream));
    }

    [Fact]
    public async Task Publishing_waits_while_the_stream_is_full_and_resumes_when_an_event_is_read()
    {
        var stream = new InProcessEventStream<int>(2);
        await stream.PublishAsync(1, TestContext.Current.CancellationToken);
        await stream.PublishAsync(2, TestContext.Current.CancellationToken);

        var third = stream.PublishAsync(3, TestContext.Current.CancellationToken).AsTask();

        Assert.False(third.IsCompleted, "A publish into a full stream completed instead of waiting.");
        Assert.Equal(2, stream.Backlog);
        Assert.True(stream.TryRead(out var first));
        Assert.Equal(1, first);
        await third.WaitAsync(Deadline, TestContext.Current.CancellationToken);
        Assert.Equal(2, stream.Backlog);
        stream.Complete();
        Assert.Equal([2, 3], await ReadAllAsync(stream));
    }

    [Fact]
    public async Task TryPublish_is_false_while_full_and_drops_nothing_already_queued()
    {
        var stream = new InProcessEventStream<string>(2);

        Assert.True(stream.TryPublish("a"));
        Assert.True(stream.TryPublish("b"));
        Assert.False(stream.TryPublish("c"));
        Assert.Equal(2, stream.Backlog);

        Assert.True(stream.TryRead(out _));
        Assert.True(stream.TryPublish("d"));
        stream.Complete();
        Assert.Equal(["b", "d"], await ReadAllAsync(stream));
    }

    [Fact]
    public async Task Backlog_counts_events_not_yet_read()
    {
        var stream = new InProcessEventStream<int>(10);
        Assert.Equal(0, stream.Backlog);

        for (var i = 0; i < 3; i++)
        {
            await stream.PublishAsync(i, TestContext.Current.CancellationToken);
        }

        Assert.Equal(3, stream.Backlog);
        Assert.True(stream.TryRead(out _));
        Assert.Equal(2, stream.Backlog);
        Assert.Equal(10, stream.Capacity);
    }

    [Fact]
    public async Task Complete_lets_readers_finish_the_backlog_and_then_ends_them()
    {
        var stream = new InProcessEventStream<int>(4);
        await stream.PublishAsync(1, TestContext.Current.CancellationToken);
        await stream.PublishAsync(2, TestContext.Current.CancellationToken);

        stream.Complete();

        Assert.True(await stream.WaitToReadAsync(TestContext.Current.CancellationToken));
        Assert.Equal([1, 2], await ReadAllAsync(stream));
        Assert.False(await stream.WaitToReadAsync(TestContext.Current.CancellationToken));
        Assert.False(stream.TryRead(out _));
    }

    [Fact]
    public async Task Complete_wakes_a_reader_that_waits_on_an_empty_stream()
    {
        var stream = new InProcessEventStream<int>(4);
        var reading = ReadAllAsync(stream);
        Assert.False(reading.IsCompleted, "The reader ended before the stream was completed.");

        stream.Complete();

        Assert.Empty(await reading.WaitAsync(Deadline, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_completed_stream_refuses_new_events()
    {
        var stream = new InProcessEventStream<int>(4);
        stream.Complete();
        stream.Complete(); // completing twice is harmless

        Assert.False(stream.TryPublish(1));
        await Assert.ThrowsAnyAsync<InvalidOperationException>(
            async () => await stream.PublishAsync(1, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_waiting_publish_can_be_cancelled_and_its_event_is_not_queued()
    {
        var stream = new InProcessEventStream<int>(1);
        await stream.PublishAsync(1, TestContext.Current.CancellationToken);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var waiting = stream.PublishAsync(2, cancellation.Token).AsTask();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Deadline, TestContext.Current.CancellationToken));
        Assert.True(stream.TryRead(out var only));
        Assert.Equal(1, only);
        Assert.False(stream.TryRead(out _));
    }

    [Fact]
    public async Task Two_readers_share_the_events_each_event_going_to_one_of_them()
    {
        var stream = new InProcessEventStream<int>(16);
        var first = ReadAllAsync(stream);
        var second = ReadAllAsync(stream);

        for (var i = 0; i < 200; i++)
        {
            await stream.PublishAsync(i, TestContext.Current.CancellationToken);
        }

        stream.Complete();
        var read = (await first.WaitAsync(Deadline, TestContext.Current.CancellationToken))
            .Concat(await second.WaitAsync(Deadline, TestContext.Current.CancellationToken));
        Assert.Equal(Enumerable.Range(0, 200), read.Order());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_capacity_that_is_not_positive_is_refused(int capacity)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new InProcessEventStream<int>(capacity));
    }

    private static async Task<List<T>> ReadAllAsync<T>(InProcessEventStream<T> stream)
    {
        var events = new List<T>();
        await foreach (var @event in stream.ReadAllAsync(TestContext.Current.CancellationToken))
        {
            events.Add(@event);
        }

        return events;
    }
}
