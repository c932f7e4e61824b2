using System.Diagnostics.Metrics;

namespace VfeTps.Stream.Embedder;

/// <summary>The Embedder's instruments (meter "VfeTps.Stream.Embedder").</summary>
public sealed class EmbedderMetrics
{
    public const string MeterName = "VfeTps.Stream.Embedder";

    private readonly Counter<long> _cropsIndexed;
    private readonly Counter<long> _cropsRefused;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _embedMilliseconds;
    private readonly Histogram<double> _captureToSearchableSeconds;

    public EmbedderMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _cropsIndexed = meter.CreateCounter<long>("vfetps.embedder.crops_indexed", "{crop}", "Crops embedded and written to the vector index.");
        _cropsRefused = meter.CreateCounter<long>("vfetps.embedder.crops_refused", "{crop}", "Crops dead-lettered (missing or undecodable JPEG, malformed event).");
        _batchSize = meter.CreateHistogram<int>("vfetps.embedder.batch_size", "{crop}", "Crops per image-tower batch.");
        _embedMilliseconds = meter.CreateHistogram<double>("vfetps.embedder.embed_duration", "ms", "Image-tower time per batch.");
        _captureToSearchableSeconds = meter.CreateHistogram<double>(
            "vfetps.embedder.capture_to_searchable", "s", "From the frame's capture time to its crop being searchable.");
    }

    public void BatchIndexed(int crops, double embedMilliseconds)
    {
        _cropsIndexed.Add(crops);
        _batchSize.Record(crops);
        _embedMilliseconds.Record(embedMilliseconds);
    }

    public void CropRefused() => _cropsRefused.Add(1);

    public void Searchable(string cameraId, TimeSpan sinceCapture) =>
        _captureToSearchableSeconds.Record(sinceCapture.TotalSeconds, new KeyValuePair<string, object?>("camera", cameraId));
}
