namespace VfeTps.Stream.Evaluation;

/// <summary>
/// A read-only view of <see cref="Rows"/> embeddings of <see cref="Dimension"/> floats each, stored
/// row-major in one buffer. The buffer is not copied: whatever produced the embeddings (TorchSharp
/// in training, ONNX Runtime in serving) hands its array over as is, and must not change it while
/// the matrix is in use.
/// </summary>
public sealed class EmbeddingMatrix
{
    /// <summary>Wraps <paramref name="values"/> (row-major, <paramref name="rows"/> × <paramref name="dimension"/>).</summary>
    /// <exception cref="ArgumentException">The length does not match, or a value is NaN or infinite.</exception>
    public EmbeddingMatrix(ReadOnlyMemory<float> values, int rows, int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        if ((long)rows * dimension != values.Length)
        {
            throw new ArgumentException(
                $"Expected {rows} × {dimension} = {(long)rows * dimension} values, got {values.Length}.",
                nameof(values));
        }

        // A NaN score compares false with everything and would silently corrupt every rank.
        var span = values.Span;
        for (var i = 0; i < span.Length; i++)
        {
            if (!float.IsFinite(span[i]))
            {
                throw new ArgumentException(
                    $"Value {span[i]} at row {i / dimension}, column {i % dimension} is not finite.",
                    nameof(values));
            }
        }

        Values = values;
        Rows = rows;
        Dimension = dimension;
    }

    /// <summary>Number of embeddings.</summary>
    public int Rows { get; }

    /// <summary>Length of each embedding.</summary>
    public int Dimension { get; }

    /// <summary>The whole row-major buffer.</summary>
    public ReadOnlyMemory<float> Values { get; }

    /// <summary>The embedding at <paramref name="index"/>.</summary>
    public ReadOnlySpan<float> Row(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Rows);
        return Values.Span.Slice(index * Dimension, Dimension);
    }

    /// <summary>Copies equally long rows into one matrix (convenient for small, hand-made inputs).</summary>
    /// <exception cref="ArgumentException">No rows, or rows of different lengths.</exception>
    public static EmbeddingMatrix FromRows(IReadOnlyList<float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("At least one row is needed to know the dimension.", nameof(rows));
        }

        var dimension = rows[0].Length;
        var values = new float[rows.Count * dimension];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != dimension)
            {
                throw new ArgumentException(
                    $"Row {i} has {rows[i].Length} values; row 0 has {dimension}.", nameof(rows));
            }

            rows[i].CopyTo(values, i * dimension);
        }

        return new EmbeddingMatrix(values, rows.Count, dimension);
    }

    /// <summary>
    /// A new matrix whose rows are this matrix's rows scaled to unit L2 norm, so that a dot product
    /// is the cosine similarity. This matrix is left unchanged.
    /// </summary>
    /// <exception cref="ArgumentException">A row is all zeros (it has no direction).</exception>
    public EmbeddingMatrix NormalizeRows()
    {
        var copy = Values.ToArray();
        EmbeddingNormalization.NormalizeRowsInPlace(copy, Dimension);
        return new EmbeddingMatrix(copy, Rows, Dimension);
    }
}
