using VfeTps.Stream.Datasets;
using VfeTps.Stream.Tokenizer;

namespace VfeTps.Stream.Training.Data;

/// <summary>
/// Turns a planned batch into pixels, tokens and labels. Each sample's augmentation draws from a
/// random generator seeded by (seed, epoch, step, position), so any batch can be rebuilt exactly.
/// </summary>
public sealed class BatchAssembler
{
    private readonly IReadOnlyList<PersonImage> _images;
    private readonly ModelInputImages _inputs;
    private readonly ImageAugmenter _augmenter;
    private readonly ClipTokenizer _tokenizer;
    private readonly int _contextLength;
    private readonly int _seed;

    public BatchAssembler(IReadOnlyList<PersonImage> images, ModelInputImages inputs, ImageAugmenter augmenter, ClipTokenizer tokenizer, int contextLength, int seed)
    {
        _images = images;
        _inputs = inputs;
        _augmenter = augmenter;
        _tokenizer = tokenizer;
        _contextLength = contextLength;
        _seed = seed;
    }

    public PreparedBatch Assemble(int epoch, int step, TrainingPair[] pairs, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var imageSize = 3 * height * width;
        var pixels = new float[pairs.Length * imageSize];
        var tokens = new long[pairs.Length * _contextLength];
        var labels = new long[pairs.Length];
        Parallel.For(0, pairs.Length, i =>
        {
            var pair = pairs[i];
            var image = _images[pair.ImageIndex];
            var random = new Random(StableSeed.Of(_seed, epoch, step, i));
            _augmenter.Augment(_inputs[pair.ImageIndex], random, pixels.AsSpan(i * imageSize, imageSize));
            _tokenizer.Tokenize(image.Captions[pair.CaptionIndex], tokens.AsSpan(i * _contextLength, _contextLength));
            labels[i] = image.Label;
        });
        return new PreparedBatch(epoch, step, pairs.Length, pixels, tokens, labels, height, width, _contextLength);
    }
}
