using System.Buffers;
using VfeTps.Stream.Tokenizer;

namespace VfeTps.Stream.Inference;

/// <summary>
/// Person descriptions to embeddings with a bundle's text tower. Texts are tokenized by the
/// bundle's <see cref="ClipTokenizer"/> (the code training uses) into pooled buffers of
/// <see cref="ContextLength"/> ids each (longer texts are cut, keeping the end marker), and sent in
/// batches of at most <see cref="MaxBatchSize"/>. A text longer than <see cref="MaxQueryCharacters"/>
/// is refused before any work is done. Thread-safe. Owned by its <see cref="ModelBundle"/>.
/// </summary>
public sealed class TextEncoder
{
    private readonly TowerSession _tower;

    internal TextEncoder(TowerSession tower, ClipTokenizer tokenizer, int contextLength, int maxBatchSize, int maxQueryCharacters)
    {
        _tower = tower;
        Tokenizer = tokenizer;
        ContextLength = contextLength;
        MaxBatchSize = maxBatchSize;
        MaxQueryCharacters = maxQueryCharacters;
    }

    /// <summary>Floats per embedding.</summary>
    public int EmbeddingSize => _tower.EmbeddingSize;

    /// <summary>The most texts sent to the tower in one run.</summary>
    public int MaxBatchSize { get; }

    /// <summary>Token slots per text, markers included.</summary>
    public int ContextLength { get; }

    /// <summary>The longest text accepted, in Unicode characters (code points); see <see cref="InferenceOptions.MaxQueryCharacters"/>.</summary>
    public int MaxQueryCharacters { get; }

    /// <summary>The bundle's tokenizer.</summary>
    public ClipTokenizer Tokenizer { get; }

    /// <summary>Embeds texts; an empty list gives an empty batch, an empty text is valid.</summary>
    /// <exception cref="ArgumentException">A text is null or longer than <see cref="MaxQueryCharacters"/>; the message gives its position.</exception>
    /// <exception cref="OverflowException">One run's token ids would not fit in an array (a huge <see cref="MaxBatchSize"/>).</exception>
    /// <exception cref="ObjectDisposedException">The bundle has been disposed.</exception>
    public EmbeddingBatch EmbedBatch(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        for (var index = 0; index < texts.Count; index++)
        {
            if (texts[index] is null)
                throw new ArgumentException($"Text {index} of the batch is null.", nameof(texts));
            if (IsTooLong(texts[index]))
                throw new ArgumentException($"Text {index} of the batch {TooLong}", nameof(texts));
        }
        return EmbedUnchecked(texts);
    }

    /// <summary>Embeds one text.</summary>
    /// <exception cref="ArgumentException">The text is longer than <see cref="MaxQueryCharacters"/>.</exception>
    public float[] Embed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsTooLong(text))
            throw new ArgumentException($"The text {TooLong}", nameof(text));
        return EmbedUnchecked([text]).Values;
    }

    /// <summary>Embeds texts that are known to be short (the probe's), without the length limit.</summary>
    internal EmbeddingBatch EmbedUnchecked(IReadOnlyList<string> texts)
    {
        // Checked: a context length and batch size whose product overflows must not rent a wrong-sized buffer.
        var bufferLength = texts.Count == 0 ? 0 : checked(Math.Min(texts.Count, MaxBatchSize) * ContextLength);
        var embeddings = new float[checked(texts.Count * EmbeddingSize)];
        var buffer = bufferLength == 0 ? [] : ArrayPool<long>.Shared.Rent(bufferLength);
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

    private string TooLong =>
        $"has more than {MaxQueryCharacters} characters, the limit ({nameof(InferenceOptions)}.{nameof(InferenceOptions.MaxQueryCharacters)}).";

    // Counts code points, stopping at the limit: at most about twice the limit in UTF-16 units are
    // read, however long the text.
    private bool IsTooLong(string text)
    {
        if (text.Length <= MaxQueryCharacters)
            return false;
        var characters = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            if (++characters > MaxQueryCharacters)
                return true;
        }
        return false;
    }
}
