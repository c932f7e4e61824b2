using System.Diagnostics;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.Host.Site;
using VfeTps.Stream.Messaging;

namespace VfeTps.Stream.Pipeline.Tests.SiteUnits;

public sealed class PipelineLatencyTests
{
    private static readonly DateTimeOffset Capture = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public void Before_the_first_crop_there_are_no_percentiles()
    {
        var latency = new PipelineLatency(new InProcessEventStream<CropEmbedded>(4));

        Assert.Null(latency.Percentile(50));
        Assert.Equal(0, latency.Indexed);
    }

    [Fact]
    public async Task Percentiles_are_nearest_rank_over_the_latencies_read_from_the_stream()
    {
        var stream = new InProcessEventStream<CropEmbedded>(16);
        var latency = new PipelineLatency(stream);
        await latency.StartAsync(TestContext.Current.CancellationToken);

        // 1 s … 100 s, published out of order.
        foreach (var seconds in Enumerable.Range(1, 100).OrderBy(s => (s * 37) % 101))
        {
            await stream.PublishAsync(Embedded(TimeSpan.FromSeconds(seconds)), TestContext.Current.CancellationToken);
        }

        await WaitForIndexedAsync(latency, 100);
        await latency.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(TimeSpan.FromSeconds(50), latency.Percentile(50));
        Assert.Equal(TimeSpan.FromSeconds(95), latency.Percentile(95));
        Assert.Equal(TimeSpan.FromSeconds(100), latency.Percentile(100));
        Assert.Equal(TimeSpan.FromSeconds(1), latency.Percentile(0));
        Assert.Equal(TimeSpan.FromSeconds(1), latency.Percentile(1));
        Assert.Equal(TimeSpan.FromSeconds(2), latency.Percentile(1.5));

        // Whole percentiles whose p / 100 × n rounds above p in floating point (7 / 100 × 100 = 7.000000000000001).
        foreach (var percentile in new[] { 7, 14, 28, 55, 56 })
        {
            Assert.Equal(TimeSpan.FromSeconds(percentile), latency.Percentile(percentile));
        }
    }

    [Fact]
    public async Task One_crop_is_every_percentile()
    {
        var stream = new InProcessEventStream<CropEmbedded>(4);
        var latency = new PipelineLatency(stream);
        await latency.StartAsync(TestContext.Current.CancellationToken);

        await stream.PublishAsync(Embedded(TimeSpan.FromMilliseconds(1500)), TestContext.Current.CancellationToken);
        await WaitForIndexedAsync(latency, 1);
        await latency.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(TimeSpan.FromMilliseconds(1500), latency.Percentile(0));
        Assert.Equal(TimeSpan.FromMilliseconds(1500), latency.Percentile(50));
        Assert.Equal(TimeSpan.FromMilliseconds(1500), latency.Percentile(100));
    }

    [Fact]
    public async Task Only_the_most_recent_window_of_latencies_counts()
    {
        var stream = new InProcessEventStream<CropEmbedded>(1024);
        var latency = new PipelineLatency(stream);
        await latency.StartAsync(TestContext.Current.CancellationToken);

        // 500 slow crops first, then a full window of fast ones: the slow ones must have left the window.
        for (var i = 0; i < 500; i++)
        {
            await stream.PublishAsync(Embedded(TimeSpan.FromSeconds(1000)), TestContext.Current.CancellationToken);
        }

        for (var i = 0; i < PipelineLatency.Window; i++)
        {
            await stream.PublishAsync(Embedded(TimeSpan.FromSeconds(2)), TestContext.Current.CancellationToken);
        }

        await WaitForIndexedAsync(latency, 500 + PipelineLatency.Window);
        Assert.Equal(TimeSpan.FromSeconds(2), latency.Percentile(100));

        // One more slow crop is in the window again.
        await stream.PublishAsync(Embedded(TimeSpan.FromSeconds(1000)), TestContext.Current.CancellationToken);
        await WaitForIndexedAsync(latency, 501 + PipelineLatency.Window);
        await latency.StopAsync(TestContext.Current.CancellationToken);
        Assert.Equal(TimeSpan.FromSeconds(1000), latency.Percentile(100));
        Assert.Equal(TimeSpan.FromSeconds(2), latency.Percentile(99));
    }

    [Fact]
    public async Task Reading_keeps_the_notification_stream_drained()
    {
        var stream = new InProcessEventStream<CropEmbedded>(8);
        var latency = new PipelineLatency(stream);
        await latency.StartAsync(TestContext.Current.CancellationToken);

        // Far more than the stream holds: the Embedder's TryPublish must keep finding room.
        var published = 0;
        var clock = Stopwatch.StartNew();
        while (published < 200)
        {
            if (stream.TryPublish(Embedded(TimeSpan.FromSeconds(1))))
            {
                published++;
            }
            else if (clock.Elapsed > Deadline)
            {
                Assert.Fail($"The stream stayed full after {published} notices: PipelineLatency stopped reading.");
            }
            else
            {
                await Task.Delay(1, TestContext.Current.CancellationToken);
            }
        }

        await WaitForIndexedAsync(latency, 200);
        await latency.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Stopping_ends_the_reader_promptly()
    {
        var latency = new PipelineLatency(new InProcessEventStream<CropEmbedded>(4));
        await latency.StartAsync(TestContext.Current.CancellationToken);

        await latency.StopAsync(TestContext.Current.CancellationToken).WaitAsync(Deadline, TestContext.Current.CancellationToken);

        // Completed or cancelled (stopped before it began), never faulted.
        Assert.True(latency.ExecuteTask!.IsCompleted && !latency.ExecuteTask.IsFaulted, $"The reader ended as {latency.ExecuteTask.Status}.");
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-1)]
    [InlineData(100.5)]
    public void A_percentile_outside_0_to_100_is_refused(double percentile)
    {
        var latency = new PipelineLatency(new InProcessEventStream<CropEmbedded>(4));

        Assert.Throws<ArgumentOutOfRangeException>(() => latency.Percentile(percentile));
    }

    private static CropEmbedded Embedded(TimeSpan latency)
    {
        var crop = new PersonCropped("lobby.1.0", "lobby", 1, 0, Capture, new BoundingBox(0, 0, 10, 20), 0.5f, "crops/lobby.1.0.jpg", "frames/lobby/1.jpg");
        return new CropEmbedded(crop, "tiny-synthpedes-20261128", [1f, 0f], Capture + latency);
    }

    private static async Task WaitForIndexedAsync(PipelineLatency latency, long count)
    {
        var clock = Stopwatch.StartNew();
        while (latency.Indexed < count)
        {
            if (clock.Elapsed > Deadline)
            {
                Assert.Fail($"After {Deadline.TotalSeconds:F0} s PipelineLatency had read {latency.Indexed} of {count} notices.");
            }

            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }
}
