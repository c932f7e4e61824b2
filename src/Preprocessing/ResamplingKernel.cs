namespace VfeTps.Stream.Preprocessing;

/// <summary>
/// Per-axis weights of PIL's antialiased bilinear resampling (<c>precompute_coeffs</c> and
/// <c>normalize_coeffs_8bpc</c> in Pillow's <c>Resample.c</c>): a triangle filter whose support
/// grows with the reduction factor, sampled at pixel centres (align_corners = false), clipped at the
/// borders and renormalised, then rounded to fixed point so that the passes are integer arithmetic
/// and give the same bytes on every machine.
/// </summary>
internal sealed class ResamplingKernel
{
    /// <summary>Fractional bits of a weight, as in Pillow: 32 − 8 (pixel) − 2 (headroom).</summary>
    public const int PrecisionBits = 22;

    /// <summary>Added before the shift so that it rounds to nearest instead of truncating.</summary>
    public const int Rounding = 1 << (PrecisionBits - 1);

    private const double FilterSupport = 1.0;

    private ResamplingKernel(int[] starts, int[] counts, int[] weights, int stride)
    {
        Starts = starts;
        Counts = counts;
        Weights = weights;
        Stride = stride;
    }

    /// <summary>First source index each output index reads.</summary>
    public int[] Starts { get; }

    /// <summary>How many consecutive source indices each output index reads.</summary>
    public int[] Counts { get; }

    /// <summary>Fixed-point weights: output <c>i</c>'s are at <c>[i × Stride, i × Stride + Counts[i])</c>.</summary>
    public int[] Weights { get; }

    /// <summary>Distance between consecutive outputs' weights.</summary>
    public int Stride { get; }

    /// <summary>Weights for resampling an axis of <paramref name="inputSize"/> pixels to <paramref name="outputSize"/>.</summary>
    public static ResamplingKernel Bilinear(int inputSize, int outputSize)
    {
        var scale = (double)inputSize / outputSize;
        var filterScale = Math.Max(scale, 1.0); // widen the filter only when reducing
        var support = FilterSupport * filterScale;
        var stride = ((int)Math.Ceiling(support) * 2) + 1;
        var inverseFilterScale = 1.0 / filterScale;

        var starts = new int[outputSize];
        var counts = new int[outputSize];
        var weights = new int[outputSize * stride];
        var rawBuffer = new double[stride];
        for (var output = 0; output < outputSize; output++)
        {
            var center = (output + 0.5) * scale;
            var first = Math.Max((int)(center - support + 0.5), 0);
            var count = Math.Min((int)(center + support + 0.5), inputSize) - first;
            var total = 0.0;
            for (var k = 0; k < count; k++)
            {
                var weight = Triangle((k + first - center + 0.5) * inverseFilterScale);
                rawBuffer[k] = weight;
                total += weight;
            }

            var row = weights.AsSpan(output * stride, stride);
            for (var k = 0; k < count; k++)
            {
                var normalised = total != 0.0 ? rawBuffer[k] / total : rawBuffer[k];
                row[k] = ToFixedPoint(normalised);
            }

            starts[output] = first;
            counts[output] = count;
        }

        return new ResamplingKernel(starts, counts, weights, stride);
    }

    /// <summary>A fixed-point sum back to a byte, saturating like Pillow's <c>clip8</c>.</summary>
    public static byte Clip(int sum)
    {
        if (sum >= 1 << PrecisionBits << 8)
        {
            return byte.MaxValue;
        }

        return sum <= 0 ? (byte)0 : (byte)(sum >> PrecisionBits);
    }

    private static double Triangle(double x)
    {
        x = Math.Abs(x);
        return x < 1.0 ? 1.0 - x : 0.0;
    }

    private static int ToFixedPoint(double weight)
    {
        var scaled = weight * (1 << PrecisionBits);
        return (int)(scaled < 0 ? scaled - 0.5 : scaled + 0.5);
    }
}
