namespace VfeTps.Stream.Embedder.Tests;

/// <summary>Vector arithmetic for comparing embeddings.</summary>
internal static class Vectors
{
    public static float[] Normalised(ReadOnlySpan<float> vector)
    {
        var length = Math.Sqrt(Dot(vector, vector));
        var result = new float[vector.Length];
        for (var i = 0; i < vector.Length; i++)
        {
            result[i] = (float)(vector[i] / length);
        }

        return result;
    }

    public static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += (double)a[i] * b[i];
        }

        return sum;
    }

    /// <summary>Largest absolute difference of two vectors of the same length.</summary>
    public static double MaxDifference(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        Assert.Equal(a.Length, b.Length);
        var max = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs((double)a[i] - b[i]));
        }

        return max;
    }
}
