namespace VfeTps.Stream.Evaluation.Tests;

/// <summary>Small hand-made embedding matrices.</summary>
internal static class Embeddings
{
    /// <summary>One-dimensional embeddings: the dot product with a query [1] is the value itself.</summary>
    public static EmbeddingMatrix Scalars(params float[] values) => new(values, values.Length, 1);

    /// <summary>The unit vector along <paramref name="axis"/> in <paramref name="dimension"/> dimensions.</summary>
    public static float[] Axis(int axis, int dimension)
    {
        var row = new float[dimension];
        row[axis] = 1f;
        return row;
    }

    /// <summary>Rows drawn from a seeded generator, L2-normalised.</summary>
    public static EmbeddingMatrix RandomUnit(int rows, int dimension, int seed)
    {
        var random = new Random(seed);
        var values = new float[rows * dimension];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)((random.NextDouble() * 2.0) - 1.0);
        }

        return new EmbeddingMatrix(values, rows, dimension).NormalizeRows();
    }
}
