using System.Numerics;
using System.Runtime.InteropServices;

namespace VfeTps.Stream.Evaluation;

/// <summary>
/// SIMD kernels on float spans. System.Numerics.Tensors is not part of the shared framework, so
/// this uses <see cref="Vector{T}"/> rather than adding a package.
/// </summary>
internal static class VectorMath
{
    /// <summary>Σ a[i]·b[i]. The summation order depends only on the length and the machine's vector width.</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"Lengths differ: {a.Length} and {b.Length}.", nameof(b));
        }

        var i = 0;
        var sum = 0f;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<float>.Count)
        {
            var va = MemoryMarshal.Cast<float, Vector<float>>(a);
            var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
            var acc = Vector<float>.Zero;
            for (var k = 0; k < va.Length; k++)
            {
                acc += va[k] * vb[k];
            }

            sum = Vector.Sum(acc);
            i = va.Length * Vector<float>.Count;
        }

        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
