using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace VfeTps.Stream.VectorIndex.Embedded;

/// <summary>
/// The dot product of the query with one stored row. For the short vectors of this index (128–512)
/// the per-call overhead of <see cref="TensorPrimitives.Dot(ReadOnlySpan{float}, ReadOnlySpan{float})"/>
/// dominates: an inlined AVX2/FMA loop with two accumulators scans 1 M × 128 in about 17 ms on one
/// core here (memory-bound) against about 36 ms. Other CPUs take the library routine.
/// </summary>
internal static class DotProduct
{
    private static readonly bool UseAvx2 = Vector256.IsHardwareAccelerated && Fma.IsSupported;

    /// <summary>query · vectors[offset .. offset + query.Length].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Compute(ReadOnlySpan<float> query, float[] vectors, int offset)
    {
        if (!UseAvx2)
        {
            return TensorPrimitives.Dot(query, vectors.AsSpan(offset, query.Length));
        }

        // The caller guarantees offset + query.Length <= vectors.Length (a row inside its segment).
        var dimension = query.Length;
        ref var q = ref MemoryMarshal.GetReference(query);
        ref var row = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(vectors), offset);
        var sum0 = Vector256<float>.Zero;
        var sum1 = Vector256<float>.Zero;
        var d = 0;
        for (; d <= dimension - 16; d += 16)
        {
            sum0 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref row, (nuint)d), Vector256.LoadUnsafe(ref q, (nuint)d), sum0);
            sum1 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref row, (nuint)(d + 8)), Vector256.LoadUnsafe(ref q, (nuint)(d + 8)), sum1);
        }

        if (d <= dimension - 8)
        {
            sum0 = Fma.MultiplyAdd(Vector256.LoadUnsafe(ref row, (nuint)d), Vector256.LoadUnsafe(ref q, (nuint)d), sum0);
            d += 8;
        }

        var result = Vector256.Sum(sum0 + sum1);
        for (; d < dimension; d++)
        {
            result += Unsafe.Add(ref row, d) * Unsafe.Add(ref q, d);
        }

        return result;
    }
}
