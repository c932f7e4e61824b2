using VfeTps.Stream.Datasets;
using VfeTps.Stream.Evaluation;
using VfeTps.Stream.Inference;
using VfeTps.Stream.Preprocessing;

namespace VfeTps.Stream.Export;

/// <summary>
/// Text→image retrieval of a published bundle through ONNX Runtime, with the same protocol and
/// evaluator as training's TorchSharp evaluation: every caption of the split is a query against
/// all of the split's images. It checks that what serving runs scores what the manifest says.
/// </summary>
public static class BundleEvaluator
{
    private const int ImageChunk = 256;

    public static RetrievalMetrics Evaluate(ModelBundle bundle, PersonDataset dataset, DatasetSplit split, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(dataset);
        var images = dataset.Split(split);
        if (images.Count == 0)
            throw new InvalidOperationException($"{dataset.Name} has no {split} split to evaluate.");
        var dimension = bundle.Manifest.EmbeddingSize;

        var gallery = new float[images.Count * dimension];
        for (var start = 0; start < images.Count; start += ImageChunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(ImageChunk, images.Count - start);
            var decoded = new RgbImage[count];
            Parallel.For(0, count, i => decoded[i] = ImageFiles.Load(images[start + i].ImagePath));
            bundle.ImageEncoder.EmbedBatch(decoded).Values.CopyTo(gallery, start * dimension);
        }

        var queries = dataset.Queries(split);
        var captions = bundle.TextEncoder.EmbedBatch([.. queries.Select(q => q.Caption)]);
        return RetrievalEvaluator.Evaluate(
            new EmbeddingMatrix(captions.Values, queries.Count, dimension), [.. queries.Select(q => q.PersonId)],
            new EmbeddingMatrix(gallery, images.Count, dimension), [.. images.Select(i => i.PersonId)],
            cancellationToken);
    }
}
