using System.Diagnostics;
using VfeTps.Stream.Inference;
using VfeTps.Stream.Training.Configuration;
using VfeTps.Stream.Training.Data;
using VfeTps.Stream.Training.Models;
using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Cli.Benchmarks;

/// <summary>
/// Times one configuration on random inputs of the right shapes: a full training step (all
/// objectives, forward + backward + Adam update) at the given batch size, then inference of one
/// image and one query at batch 1 (eval mode, no gradients).
/// </summary>
internal static class ModelBenchmark
{
    public static ModelBenchResult Run(ModelConfig config, int batchSize, int iterations, TextWriter progress)
    {
        progress.WriteLine($"[{config.Name}] building model…");
        manual_seed(0);
        PeakMemory.Reset();
        using var model = new VfeTpsModel(config);
        using var optimizer = optim.Adam(model.parameters(), lr: 1e-5);
        var generator = new Generator(0);

        var trainMs = Median(iterations, $"[{config.Name}] train step, batch {batchSize}", progress, () =>
        {
            using var scope = NewDisposeScope();
            var batch = RandomBatch(config, batchSize, generator);
            optimizer.zero_grad();
            using var terms = model.ComputeLosses(batch, generator);
            terms.Total.backward();
            optimizer.step();
        });
        var peak = PeakMemory.ReadMebibytes();

        model.eval();
        using var noGrad = no_grad();
        var imageMs = Median(iterations, $"[{config.Name}] image, batch 1", progress, () =>
        {
            using var scope = NewDisposeScope();
            model.EmbedImages(randn(1, 3, config.Image.Height, config.Image.Width, generator: generator));
        });
        var queryMs = Median(iterations, $"[{config.Name}] query, batch 1", progress, () =>
        {
            using var scope = NewDisposeScope();
            model.EmbedTexts(RandomBatch(config, 2, generator).TokenIds[..1]);
        });

        var image = model.ImageTower.parameters().Sum(p => p.numel());
        var text = model.TextTower.parameters().Sum(p => p.numel());
        var all = model.parameters().Sum(p => p.numel());
        return new ModelBenchResult(config.Name, image, text, all - image - text, batchSize, trainMs, peak, imageMs, queryMs,
            get_num_threads(), iterations);
    }

    private static TrainingBatch RandomBatch(ModelConfig config, int batchSize, Generator generator)
    {
        var images = randn([batchSize, 3, config.Image.Height, config.Image.Width], generator: generator);
        // Captions of 40 tokens: start, 38 words, end; the rest zero padding.
        var random = new Random(batchSize);
        var rows = Enumerable.Range(0, batchSize)
            .SelectMany(_ => SyntheticTokenRows.Caption(config.Text.VocabularySize, config.Text.ContextLength, words: 38, random))
            .ToArray();
        var tokens = tensor(rows, [batchSize, config.Text.ContextLength]);
        var identities = arange(batchSize, ScalarType.Int64) / 2;
        return new TrainingBatch(images, tokens, identities);
    }

    private static double Median(int iterations, string label, TextWriter progress, Action body)
    {
        body(); // warm-up: allocator, thread pools, lazy kernels
        var times = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var watch = Stopwatch.StartNew();
            body();
            times[i] = watch.Elapsed.TotalMilliseconds;
            progress.Write($"\r{label}: {i + 1}/{iterations}, last {times[i]:F1} ms   ");
        }
        progress.WriteLine();
        Array.Sort(times);
        return times[iterations / 2];
    }
}
