namespace VfeTps.Stream.Evaluation;

/// <summary>L2 normalisation of row-major embeddings, so that similarity can be a plain dot product.</summary>
public static class EmbeddingNormalization
{
    /// <summary>Scales every row of <paramref name="values"/> (row-major, rows of <paramref name="dimension"/>) to unit L2 norm, in place.</summary>
    /// <exception cref="ArgumentException">The length is not a multiple of the dimension, or a row is all zeros.</exception>
    public static void NormalizeRowsInPlace(Span<float> values, int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        if (values.Length % dimension != 0)
        {
            throw new ArgumentException(
                $"{values.Length} values do not split into rows of {dimension}.", nameof(values));
        }

        var rows = values.Length / dimension;
        for (var r = 0; r < rows; r++)
        {
            var row = values.Slice(r * dimension, dimension);
            // Accumulate in double: a 512-wide float sum of squares loses digits we then divide by.
            var squared = 0.0;
            foreach (var v in row)
            {
                squared += (double)v * v;
            }

            if (squared == 0.0)
            {
                throw new ArgumentException($"Row {r} is all zeros and cannot be normalised.", nameof(values));
            }

            var scale = (float)(1.0 / Math.Sqrt(squared));
            for (var i = 0; i < row.Length; i++)
            {
                row[i] *= scale;
            }
        }
    }
}
