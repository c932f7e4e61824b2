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

    /// <summary>The p-th percentile (0–100, nearest rank) of recent capture-to-searchable latencies, or null before the first crop.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percentile"/> is not within 0–100.</exception>
    public TimeSpan? Percentile(double percentile)
    {
        if (!(percentile is >= 0 and <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "A percentile is within 0–100.");
        }

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
        // p × n / 100 rather than p / 100 × n: exact for whole percentiles, so p95 of 100 latencies is the 95th, not the 96th.
        var rank = (int)Math.Ceiling(percentile * sorted.Length / 100) - 1;
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
