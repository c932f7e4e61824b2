namespace VfeTps.Stream.Inference;

/// <summary>
/// Embeddings of a batch of crops or texts, one row each, in request order: a row-major
/// <see cref="Count"/> × <see cref="Dimension"/> array that the caller owns.
/// </summary>
public sealed class EmbeddingBatch
{
    /// <param name="values">Row-major embeddings; its length is a multiple of <paramref name="dimension"/>.</param>
    /// <param name="dimension">Floats per embedding.</param>
    public EmbeddingBatch(float[] values, int dimension)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        if (values.Length % dimension != 0)
            throw new ArgumentException($"{values.Length} floats are not a whole number of {dimension}-float embeddings.", nameof(values));
        Values = values;
        Dimension = dimension;
    }

    /// <summary>Number of embeddings.</summary>
    public int Count => Values.Length / Dimension;

    /// <summary>Floats per embedding.</summary>
    public int Dimension { get; }

    /// <summary>All embeddings, row-major: row <c>i</c> is <c>Values[i·D .. (i+1)·D)</c>. The array is the batch's own, not a copy.</summary>
    public float[] Values { get; }

    /// <summary>Embedding <paramref name="index"/>.</summary>
    public ReadOnlySpan<float> this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return Values.AsSpan(index * Dimension, Dimension);
        }
    }

    /// <summary>A copy of embedding <paramref name="index"/>.</summary>
    public float[] RowToArray(int index) => this[index].ToArray();
}
