using System.Buffers;
using VfeTps.Stream.Tokenizer;

namespace VfeTps.Stream.Inference;

/// <summary>
/// Person descriptions to embeddings with a bundle's text tower. Texts are tokenized by the
/// bundle's <see cref="ClipTokenizer"/> (the code training uses) into pooled buffers of
/// <see cref="ContextLength"/> ids each (longer texts are cut, keeping the end marker), and sent in
/// batches of at most <see cref="MaxBatchSize"/>. Thread-safe. Owned by its <see cref="ModelBundle"/>.
/// </summary>
public sealed class TextEncoder
{
    private readonly TowerSession _tower;

    internal TextEncoder(TowerSession tower, ClipTokenizer tokenizer, int contextLength, int maxBatchSize)
    {
        _tower = tower;
        Tokenizer = tokenizer;
        ContextLength = contextLength;
        MaxBatchSize = maxBatchSize;
    }

    /// <summary>Floats per embedding.</summary>
    public int EmbeddingSize => _tower.EmbeddingSize;

    /// <summary>The most texts sent to the tower in one run.</summary>
    public int MaxBatchSize { get; }

    /// <summary>Token slots per text, markers included.</summary>
    public int ContextLength { get; }

    /// <summary>The bundle's tokenizer.</summary>
    public ClipTokenizer Tokenizer { get; }

    /// <summary>Embeds texts; an empty list gives an empty batch, an empty text is valid.</summary>
    /// <exception cref="ArgumentException">A text is null.</exception>
    /// <exception cref="ObjectDisposedException">The bundle has been disposed.</exception>
    public EmbeddingBatch EmbedBatch(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        for (var index = 0; index < texts.Count; index++)
        {
            if (texts[index] is null)
                throw new ArgumentException($"Text {index} of the batch is null.", nameof(texts));
        }

        var embeddings = new float[checked(texts.Count * EmbeddingSize)];
        var buffer = texts.Count == 0 ? [] : ArrayPool<long>.Shared.Rent(Math.Min(texts.Count, MaxBatchSize) * ContextLength);
        try
        {
            for (var start = 0; start < texts.Count; start += MaxBatchSize)
            {
                var count = Math.Min(MaxBatchSize, texts.Count - start);
                var tokens = buffer.AsMemory(0, count * ContextLength);
                for (var index = 0; index < count; index++)
                    Tokenizer.Tokenize(texts[start + index], tokens.Span.Slice(index * ContextLength, ContextLength));
                _tower.Run(tokens, [count, ContextLength], embeddings.AsMemory(start * EmbeddingSize, count * EmbeddingSize));
            }
        }
        finally
        {
            if (buffer.Length > 0)
                ArrayPool<long>.Shared.Return(buffer);
        }
        return new EmbeddingBatch(embeddings, EmbeddingSize);
    }

    /// <summary>Embeds one text.</summary>
    public float[] Embed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return EmbedBatch([text]).Values;
    }
}
