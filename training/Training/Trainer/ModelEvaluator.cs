using VfeTps.Stream.Datasets;
using VfeTps.Stream.Evaluation;
using VfeTps.Stream.Preprocessing;
using VfeTps.Stream.Tokenizer;
using VfeTps.Stream.Training.Data;
using VfeTps.Stream.Training.Models;

namespace VfeTps.Stream.Training.Trainer;

/// <summary>
/// Evaluates a trained model on a split: retrieval metrics per the field's protocol, the silhouette
/// coefficient of image features by identity, and a 2-D t-SNE map of ten identities' images
/// (the paper's Fig. 8); writes JSON, Markdown and PNG.
/// </summary>
public sealed class ModelEvaluator(TextWriter log)
{
    private const long ImageCacheBudgetBytes = 3L << 30;
    private const int ProjectedIdentities = 10;

    public sealed record Result(RetrievalMetrics Metrics, double Silhouette, ReportFiles Report, string ProjectionPlot);

    public Result Evaluate(VfeTpsModel model, ClipTokenizer tokenizer, PersonDataset dataset, DatasetSplit split, string outputDirectory,
        IReadOnlyList<TextQuery>? queries = null, IReadOnlyDictionary<string, string>? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dataset);
        var images = dataset.Split(split);
        if (images.Count == 0)
            throw new InvalidOperationException($"{dataset.Name} has no {split} split to evaluate.");
        var config = model.Config.Image;
        var inputs = new ModelInputImages(images, config.Height, config.Width, ImageCacheBudgetBytes);
        var probe = new RetrievalProbe(images, inputs, new ImagePreprocessor(config.Height, config.Width, ImageNormalization.Clip), tokenizer, queries);
        log.WriteLine($"Evaluating on {dataset.Name} {split}: {probe.QueryCount} queries, {images.Count} gallery images.");
        var result = probe.Evaluate(model, cancellationToken);
        var silhouette = Silhouette.Compute(result.ImageFeatures, result.ImagePersonIds, cancellationToken: cancellationToken);

        var name = $"{dataset.Name}-{split}".ToLowerInvariant();
        var fullContext = new Dictionary<string, string>(context ?? new Dictionary<string, string>())
        {
            ["dataset"] = dataset.Name,
            ["split"] = split.ToString(),
            [EvaluationContextKeys.Queries] = queries is null ? EvaluationContextKeys.SplitCaptions : EvaluationContextKeys.QueryFile,
        };
        var report = EvaluationReport.Write(outputDirectory, name, result.Metrics, silhouette, fullContext);
        var projection = Path.Combine(outputDirectory, name + "-projection.png");
        PlotProjection(result, projection, cancellationToken);
        return new Result(result.Metrics, silhouette, report, projection);
    }

    // Ten identities with the most images (ties by id), so the picture is the same every time.
    private static void PlotProjection(ProbeResult result, string path, CancellationToken cancellationToken)
    {
        var chosen = result.ImagePersonIds
            .Select((id, index) => (id, index))
            .GroupBy(p => p.id)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key)
            .Take(ProjectedIdentities)
            .SelectMany(g => g)
            .OrderBy(p => p.index)
            .ToList();
        var dimension = result.ImageFeatures.Dimension;
        var values = new float[chosen.Count * dimension];
        for (var i = 0; i < chosen.Count; i++)
            result.ImageFeatures.Row(chosen[i].index).CopyTo(values.AsSpan(i * dimension, dimension));
        var options = new TsneOptions { Perplexity = Math.Min(30, Math.Max(2, (chosen.Count - 1) / 3.0)) };
        var points = TsneProjection.Project(new EmbeddingMatrix(values, chosen.Count, dimension), options, cancellationToken);
        var identities = chosen.Select(p => p.id).Distinct().Count();
        Plots.Projection(path, $"Image features of {identities} identities (t-SNE)", points, chosen.Select(p => p.id).ToList());
    }
}
