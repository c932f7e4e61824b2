using System.Diagnostics;
using VfeTps.Stream.Inference;
using VfeTps.Stream.Preprocessing;

namespace VfeTps.Stream.ModelCheck;

/// <summary>
/// Throughput of a loaded bundle's encoders as a service calls them (crops of a typical detector
/// size, resized and normalised by the shared preprocessing; queries tokenised one at a time), and,
/// when the bundle runs on CUDA, how closely it agrees with the same bundle on the CPU.
/// </summary>
internal static class BundleBenchmark
{
    private const int CropWidth = 64;
    private const int CropHeight = 160;

    private static readonly string[] s_queries =
    [
        "a man in a red jacket and blue jeans with a black backpack",
        "a woman wearing a white skirt, a green top and brown shoes, carrying a yellow handbag",
        "a child in grey shorts",
    ];

    public static BundleBenchResult Run(ModelBundle bundle, ModelBundle? cpuReference, IReadOnlyList<int> batches, TimeSpan minTime, TextWriter progress)
    {
        var crops = Crops(batches.Max());
        var rates = new SortedDictionary<int, double>();
        foreach (var batch in batches)
        {
            var slice = crops.Take(batch).ToList();
            rates[batch] = ItemsPerSecond(batch, () => bundle.ImageEncoder.EmbedBatch(slice), minTime);
            progress.WriteLine($"{bundle.ExecutionProvider}: batch {batch}: {rates[batch]:F1} crops/s");
        }
        var next = 0;
        var queries = ItemsPerSecond(1, () => bundle.TextEncoder.Embed(s_queries[next++ % s_queries.Length]), minTime);
        progress.WriteLine($"{bundle.ExecutionProvider}: {queries:F1} queries/s");

        ParityResult? image = null, text = null;
        if (cpuReference is not null)
        {
            var probe = crops.Take(Math.Min(32, crops.Count)).ToList();
            image = ParityResult.Compare(cpuReference.ImageEncoder.EmbedBatch(probe).Values, bundle.ImageEncoder.EmbedBatch(probe).Values, bundle.Manifest.EmbeddingSize);
            text = ParityResult.Compare(cpuReference.TextEncoder.EmbedBatch(s_queries).Values, bundle.TextEncoder.EmbedBatch(s_queries).Values, bundle.Manifest.EmbeddingSize);
            var agrees = image.Within(ParityResult.MaxAllowedDifferenceTf32, ParityResult.MinAllowedCosineTf32)
                && text.Within(ParityResult.MaxAllowedDifferenceTf32, ParityResult.MinAllowedCosineTf32);
            progress.WriteLine($"against the CPU: image {image}; text {text} — {(agrees ? "agrees" : "DISAGREES")} (TF32 bar: |Δ| ≤ {ParityResult.MaxAllowedDifferenceTf32}, cosine ≥ {ParityResult.MinAllowedCosineTf32})");
        }
        return new BundleBenchResult(bundle.ModelVersion, bundle.ExecutionProvider.ToString(), rates, queries, image, text);
    }

    private static double ItemsPerSecond(int itemsPerCall, Action call, TimeSpan minTime)
    {
        call();
        var runs = new List<double>();
        var total = Stopwatch.StartNew();
        while (runs.Count < 3 || total.Elapsed < minTime)
        {
            var clock = Stopwatch.StartNew();
            call();
            runs.Add(clock.Elapsed.TotalSeconds);
        }
        runs.Sort();
        return itemsPerCall / runs[runs.Count / 2];
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
