using VfeTps.Stream.Preprocessing;
using VfeTps.Stream.Tokenizer;
using VfeTps.Stream.Training.Data;
using VfeTps.Stream.Training.Models;
using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Trainer;

/// <summary>
/// Embeds images and captions with a model in evaluation mode (no augmentation, no gradients),
/// batch by batch, into row-major float arrays of L2-normalised embeddings.
/// </summary>
public static class EmbeddingExtractor
{
    public static float[] EmbedImages(VfeTpsModel model, ModelInputImages images, ImagePreprocessor preprocessor, int batchSize,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(preprocessor);
        var config = model.Config.Image;
        var size = 3 * config.Height * config.Width;
        var dimension = model.Config.EmbeddingSize;
        var result = new float[images.Count * dimension];
        using var mode = new EvaluationMode(model);
        for (var start = 0; start < images.Count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(batchSize, images.Count - start);
            var pixels = new float[count * size];
            Parallel.For(0, count, i => preprocessor.Preprocess(images[start + i], pixels.AsSpan(i * size, size)));
            using var scope = NewDisposeScope();
            var embeddings = model.EmbedImages(tensor(pixels, [count, 3, config.Height, config.Width]));
            embeddings.data<float>().CopyTo(result, start * dimension);
            progress?.Report(start + count);
        }
        return result;
    }

    public static float[] EmbedCaptions(VfeTpsModel model, ClipTokenizer tokenizer, IReadOnlyList<string> captions, int batchSize,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(captions);
        var context = model.Config.Text.ContextLength;
        var dimension = model.Config.EmbeddingSize;
        var result = new float[captions.Count * dimension];
        using var mode = new EvaluationMode(model);
        for (var start = 0; start < captions.Count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(batchSize, captions.Count - start);
            var tokens = new long[count * context];
            for (var i = 0; i < count; i++)
                tokenizer.Tokenize(captions[start + i], tokens.AsSpan(i * context, context));
            using var scope = NewDisposeScope();
            var embeddings = model.EmbedTexts(tensor(tokens, [count, context]));
            embeddings.data<float>().CopyTo(result, start * dimension);
        }
        return result;
    }

    /// <summary>eval() and no_grad for a block, then back to whatever mode the model was in.</summary>
    private sealed class EvaluationMode : IDisposable
    {
        private readonly VfeTpsModel _model;
        private readonly bool _wasTraining;
        private readonly IDisposable _noGrad;

        public EvaluationMode(VfeTpsModel model)
        {
            _model = model;
            _wasTraining = model.training;
            model.eval();
            _noGrad = no_grad();
        }

        public void Dispose()
        {
            _noGrad.Dispose();
            if (_wasTraining)
                _model.train();
        }
    }
}
