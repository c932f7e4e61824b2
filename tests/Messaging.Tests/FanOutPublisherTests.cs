namespace VfeTps.Stream.Messaging.Tests;

public sealed class FanOutPublisherTests
{
    [Fact]
    public async Task Every_stream_receives_every_event()
    {
        var first = new InProcessEventStream<int>(4);
        var second = new InProcessEventStream<int>(4);
        var publisher = new FanOutPublisher<int>(first, second);

        await publisher.PublishAsync(1, TestContext.Current.CancellationToken);
        Assert.True(publisher.TryPublish(2));

        Assert.Equal([1, 2], Drain(first));
        Assert.Equal([1, 2], Drain(second));
    }

    [Fact]
    public void A_full_stream_does_not_keep_the_event_from_the_others()
    {
        var full = new InProcessEventStream<int>(1);
        var open = new InProcessEventStream<int>(4);
        var publisher = new FanOutPublisher<int>(full, open);
        Assert.True(publisher.TryPublish(1));

        Assert.False(publisher.TryPublish(2));

        Assert.Equal([1], Drain(full));
        Assert.Equal([1, 2], Drain(open));
    }

    [Fact]
    public void Needs_at_least_one_stream()
    {
        Assert.Throws<ArgumentException>(() => new FanOutPublisher<int>());
        Assert.Throws<ArgumentException>(() => new FanOutPublisher<int>(new InProcessEventStream<int>(1), null!));
    }

    private static List<int> Drain(InProcessEventStream<int> stream)
    {
        var items = new List<int>();
        while (stream.TryRead(out var item))
        {
            items.Add(item);
        }

        return items;
    }
}
