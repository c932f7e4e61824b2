using System.Numerics.Tensors;

namespace VfeTps.Stream.Watchlists;

/// <summary>Checks and normalises embeddings: only a finite, non-zero vector has a direction to compare.</summary>
internal static class VectorMath
{
    /// <summary>A unit-length copy, or null when the vector holds a non-finite value or is all zero.</summary>
    public static float[]? Normalised(ReadOnlySpan<float> vector)
    {
        var sumOfSquares = 0.0;
        foreach (var value in vector)
        {
            if (!float.IsFinite(value))
                return null;
            sumOfSquares += (double)value * value;
        }

        if (sumOfSquares == 0 || !double.IsFinite(sumOfSquares))
            return null;
        var unit = new float[vector.Length];
        TensorPrimitives.Multiply(vector, (float)(1.0 / Math.Sqrt(sumOfSquares)), unit);
        return unit;
    }

    /// <summary>Cosine similarity of two unit vectors.</summary>
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => TensorPrimitives.Dot(a, b);
}
