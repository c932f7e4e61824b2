using VfeTps.Stream.Inference;
using VfeTps.Stream.Preprocessing;

namespace VfeTps.Stream.ModelCheck;

/// <summary>
/// Throughput of a loaded bundle's encoders as a service calls them (crops of a typical detector
/// size, resized and normalised by the shared preprocessing; queries tokenised one at a time), and,
/// when the bundle runs on CUDA, how closely it agrees with the same bundle on the CPU.
/// </summary>
internal static class EncoderThroughputBenchmark
{
    private const int CropWidth = 64;
    private const int CropHeight = 160;

    public static EncoderThroughputResult Run(ModelBundle bundle, ModelBundle? cpuReference, IReadOnlyList<int> batches, TimeSpan minTime, TextWriter progress)
    {
        var crops = Crops(batches.Max());
        var queries = ProbeTexts.All;
        var rates = new SortedDictionary<int, double>();
        foreach (var batch in batches)
        {
            var slice = crops.Take(batch).ToList();
            rates[batch] = ThroughputMeter.ItemsPerSecond(batch, () => bundle.ImageEncoder.EmbedBatch(slice), minTime);
            progress.WriteLine($"{bundle.ExecutionProvider}: batch {batch}: {rates[batch]:F1} crops/s");
        }
        var next = 0;
        var queryRate = ThroughputMeter.ItemsPerSecond(1, () => bundle.TextEncoder.Embed(queries[next++ % queries.Count]), minTime);
        progress.WriteLine($"{bundle.ExecutionProvider}: {queryRate:F1} queries/s");

        if (cpuReference is null)
            return new EncoderThroughputResult(bundle.ModelVersion, bundle.ExecutionProvider.ToString(), rates, queryRate, null, null, null);
        var probe = crops.Take(Math.Min(32, crops.Count)).ToList();
        var image = ParityResult.Compare(cpuReference.ImageEncoder.EmbedBatch(probe).Values, bundle.ImageEncoder.EmbedBatch(probe).Values, bundle.Manifest.EmbeddingSize);
        var text = ParityResult.Compare(cpuReference.TextEncoder.EmbedBatch(queries).Values, bundle.TextEncoder.EmbedBatch(queries).Values, bundle.Manifest.EmbeddingSize);
        var agrees = image.Within(ParityResult.MaxAllowedDifferenceTf32, ParityResult.MinAllowedCosineTf32)
            && text.Within(ParityResult.MaxAllowedDifferenceTf32, ParityResult.MinAllowedCosineTf32);
        progress.WriteLine($"against the CPU: image {image}; text {text} — {(agrees ? "agrees" : "DISAGREES")} (TF32 bar: |Δ| ≤ {ParityResult.MaxAllowedDifferenceTf32}, cosine ≥ {ParityResult.MinAllowedCosineTf32})");
        return new EncoderThroughputResult(bundle.ModelVersion, bundle.ExecutionProvider.ToString(), rates, queryRate, image, text, agrees);
    }

    /// <summary>Deterministic noisy crops, so no two are alike and no cache can help.</summary>
    private static List<RgbImage> Crops(int count)
    {
        var random = new Random(7);
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var pixels = new byte[CropWidth * CropHeight * 3];
            random.NextBytes(pixels);
            return new RgbImage(CropWidth, CropHeight, pixels);
        })];
    }
}
