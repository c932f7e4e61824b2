using System.ComponentModel.DataAnnotations;

namespace VfeTps.Stream.Embedder;

/// <summary>Micro-batching of crops through the image tower (section "Embedder").</summary>
public sealed class EmbedderOptions
{
    public const string SectionName = "Embedder";

    /// <summary>Crops per batch at most. Larger batches raise throughput (GPU especially); the latency cap bounds the wait.</summary>
    [Range(1, 1024)]
    public int MaxBatchSize { get; set; } = 32;

    /// <summary>How long the first crop of a batch may wait for others: the price in latency of batching.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan MaxBatchDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Pause before the one retry of a failed vector-index write (after which the batch's crops are dead-lettered).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan WriteRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Crop JPEGs read and decoded at once per batch.</summary>
    [Range(1, 64)]
    public int DecodeParallelism { get; set; } = 2;
}
