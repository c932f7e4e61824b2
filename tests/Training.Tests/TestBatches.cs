using VfeTps.Stream.Training.Configuration;
using VfeTps.Stream.Training.Models;
using static TorchSharp.torch;

namespace VfeTps.Stream.Training.Tests;

/// <summary>Random but reproducible batches shaped for a configuration.</summary>
internal sealed class TestBatches : IDisposable
{
    private TestBatches(TrainingBatch batch) => Batch = batch;

    public TrainingBatch Batch { get; }

    /// <summary>Images, captions (SOT … EOT, zero padded) and identities 0,0,1,1,2,2,….</summary>
    public static TestBatches Tiny(ModelConfig config, int batchSize, int seed)
    {
        var generator = new Generator((ulong)seed);
        var images = randn([batchSize, 3, config.Image.Height, config.Image.Width], generator: generator);
        var vocabulary = config.Text.VocabularySize;
        var tokens = zeros([batchSize, config.Text.ContextLength], ScalarType.Int64);
        for (var row = 0; row < batchSize; row++)
        {
            var length = 6 + (row % 5);
            tokens[row, 0] = vocabulary - 2;
            tokens[row, 1..(length - 1)] = randint(1, vocabulary - 2, [length - 2], generator: generator);
            tokens[row, length - 1] = vocabulary - 1;
        }
        var identities = arange(batchSize, ScalarType.Int64) / 2;
        return new TestBatches(new TrainingBatch(images, tokens, identities));
    }

    public void Dispose()
    {
        Batch.Images.Dispose();
        Batch.TokenIds.Dispose();
        Batch.Identities.Dispose();
    }
}
