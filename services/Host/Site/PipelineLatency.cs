using VfeTps.Stream.Contracts;
using VfeTps.Stream.Messaging;

namespace VfeTps.Stream.Host.Site;

/// <summary>
/// Reads the Embedder's CropEmbedded notifications (keeping that stream drained) and keeps the
/// latest capture-to-searchable latencies for GET /api/stats and the benchmark.
/// </summary>
public sealed class PipelineLatency(IEventSource<CropEmbedded> embedded) : BackgroundService
{
    /// <summary>Latencies kept for the statistics (the most recent ones).</summary>
    public const int Window = 10_000;

    private readonly Lock _gate = new();
    private readonly Queue<double> _seconds = new();
    private long _indexed;

    /// <summary>Crops indexed since start.</summary>
    public long Indexed => Interlocked.Read(ref _indexed);

    /// <summary>The p-th percentile (0–100) of recent capture-to-searchable latencies, or null before the first crop.</summary>
    public TimeSpan? Percentile(double percentile)
    {
        double[] sorted;
        lock (_gate)
        {
            sorted = [.. _seconds];
        }

        if (sorted.Length == 0)
        {
            return null;
        }

        Array.Sort(sorted);
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length) - 1;
        return TimeSpan.FromSeconds(sorted[Math.Clamp(rank, 0, sorted.Length - 1)]);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var crop in embedded.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                Record(crop.IndexedAt - crop.Crop.CaptureTime);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Record(TimeSpan latency)
    {
        Interlocked.Increment(ref _indexed);
        lock (_gate)
        {
            _seconds.Enqueue(latency.TotalSeconds);
            if (_seconds.Count > Window)
            {
                _seconds.Dequeue();
            }
        }
    }
}
