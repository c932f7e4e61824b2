using System.Buffers;
using System.Runtime.InteropServices;
using VfeTps.Stream.Preprocessing;

namespace VfeTps.Stream.Inference;

/// <summary>
/// Person crops to embeddings with a bundle's image tower. Crops are preprocessed by
/// <see cref="ImagePreprocessor"/>, with the input size and statistics from the manifest (the code
/// training uses), into pooled buffers, and sent in batches of at most <see cref="MaxBatchSize"/>.
/// Thread-safe: every call has its own buffers. Owned by its <see cref="ModelBundle"/>.
/// </summary>
public sealed class ImageEncoder
{
    private readonly TowerSession _tower;

    internal ImageEncoder(TowerSession tower, ImageTowerManifest manifest, int maxBatchSize)
    {
        _tower = tower;
        Preprocessor = new ImagePreprocessor(manifest.Height, manifest.Width, manifest.Normalization);
        MaxBatchSize = maxBatchSize;
    }

    /// <summary>Floats per embedding.</summary>
    public int EmbeddingSize => _tower.EmbeddingSize;

    /// <summary>The most crops sent to the tower in one run.</summary>
    public int MaxBatchSize { get; }

    /// <summary>The preprocessing applied to every crop: the tower's input size and training statistics.</summary>
    public ImagePreprocessor Preprocessor { get; }

    /// <summary>Embeds crops of any size (each resized to the tower's input); an empty list gives an empty batch.</summary>
    /// <exception cref="ArgumentException">A crop is null.</exception>
    /// <exception cref="OverflowException">One run's pixels would not fit in an array (a huge input size with a huge <see cref="MaxBatchSize"/>).</exception>
    /// <exception cref="ObjectDisposedException">The bundle has been disposed.</exception>
    public EmbeddingBatch EmbedBatch(IReadOnlyList<RgbImage> crops)
    {
        ArgumentNullException.ThrowIfNull(crops);
        for (var index = 0; index < crops.Count; index++)
        {
            if (crops[index] is null)
                throw new ArgumentException($"Crop {index} of the batch is null.", nameof(crops));
        }

        var perImage = Preprocessor.ValuesPerImage;

        // Checked: an input size and batch size whose product overflows must not rent a wrong-sized buffer.
        var bufferLength = crops.Count == 0 ? 0 : checked(Math.Min(crops.Count, MaxBatchSize) * perImage);
        var embeddings = new float[checked(crops.Count * EmbeddingSize)];
        var buffer = bufferLength == 0 ? [] : ArrayPool<float>.Shared.Rent(bufferLength);
        try
        {
            for (var start = 0; start < crops.Count; start += MaxBatchSize)
            {
                var count = Math.Min(MaxBatchSize, crops.Count - start);
                var pixels = buffer.AsMemory(0, count * perImage);
                for (var index = 0; index < count; index++)
                    Preprocessor.Preprocess(crops[start + index], pixels.Span.Slice(index * perImage, perImage));
                RunChunk(pixels, count, embeddings.AsMemory(start * EmbeddingSize, count * EmbeddingSize));
            }
        }
        finally
        {
            if (buffer.Length > 0)
                ArrayPool<float>.Shared.Return(buffer);
        }
        return new EmbeddingBatch(embeddings, EmbeddingSize);
    }

    /// <summary>Embeds one crop.</summary>
    public float[] Embed(RgbImage crop)
    {
        ArgumentNullException.ThrowIfNull(crop);
        return EmbedBatch([crop]).Values;
    }

    /// <summary>
    /// Embeds crops already preprocessed by <see cref="Preprocessor"/> (or an identical one):
    /// N × 3 × H × W floats, passed to the tower without a copy.
    /// </summary>
    /// <exception cref="ArgumentException">The length is not a whole number of images.</exception>
    public EmbeddingBatch EmbedPreprocessed(ReadOnlyMemory<float> pixels)
    {
        var perImage = Preprocessor.ValuesPerImage;
        if (pixels.Length % perImage != 0)
        {
            throw new ArgumentException(
                $"{pixels.Length} floats are not a whole number of 3×{Preprocessor.Height}×{Preprocessor.Width} images ({perImage} floats each).",
                nameof(pixels));
        }

        var total = pixels.Length / perImage;
        var embeddings = new float[checked(total * EmbeddingSize)];

        // ONNX Runtime only reads an input tensor, so the caller's read-only memory can back it.
        var writable = MemoryMarshal.AsMemory(pixels);
        for (var start = 0; start < total; start += MaxBatchSize)
        {
            var count = Math.Min(MaxBatchSize, total - start);
            RunChunk(writable.Slice(start * perImage, count * perImage), count, embeddings.AsMemory(start * EmbeddingSize, count * EmbeddingSize));
        }
        return new EmbeddingBatch(embeddings, EmbeddingSize);
    }

    private void RunChunk(Memory<float> pixels, int count, Memory<float> output) =>
        _tower.Run(pixels, [count, 3, Preprocessor.Height, Preprocessor.Width], output);
}
