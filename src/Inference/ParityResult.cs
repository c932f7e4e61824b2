using System.Text.Json.Serialization;

namespace VfeTps.Stream.Inference;

/// <summary>How closely two runtimes agree on the same inputs' embeddings (ONNX Runtime against TorchSharp, CUDA against CPU).</summary>
/// <param name="Rows">Embeddings compared.</param>
/// <param name="MaxAbsDifference">Largest absolute difference over all values.</param>
/// <param name="MinCosine">Smallest cosine between an embedding and its counterpart.</param>
public sealed record ParityResult(int Rows, double MaxAbsDifference, double MinCosine)
{
    /// <summary>The bar: every value within 1e-4 and every embedding at cosine ≥ 0.99999.</summary>
    public const double MaxAllowedDifference = 1e-4;

    public const double MinAllowedCosine = 0.99999;

    /// <summary>
    /// CUDA against CPU: ONNX Runtime's CUDA provider multiplies in TF32 on Ampere and later GPUs
    /// (10-bit mantissa), which moves embedding values by about 1.5e-4 (measured on an H100).
    /// </summary>
    public const double MaxAllowedDifferenceTf32 = 1e-3;

    public const double MinAllowedCosineTf32 = 0.9999;

    [JsonIgnore]
    public bool Passes => Within(MaxAllowedDifference, MinAllowedCosine);

    /// <summary>True when every value is within <paramref name="maxDifference"/> and every cosine at least <paramref name="minCosine"/>.</summary>
    public bool Within(double maxDifference, double minCosine) => MaxAbsDifference <= maxDifference && MinCosine >= minCosine;

    public override string ToString() =>
        FormattableString.Invariant($"{Rows} rows, max |Δ| {MaxAbsDifference:E2}, min cosine {MinCosine:F7}");

    public static ParityResult Compare(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, int dimension)
    {
        if (expected.Length != actual.Length || dimension <= 0 || expected.Length % dimension != 0)
            throw new ArgumentException($"Cannot compare {expected.Length} values with {actual.Length} in rows of {dimension}.");
        var rows = expected.Length / dimension;
        var maxDifference = 0.0;
        var minCosine = double.PositiveInfinity;
        for (var row = 0; row < rows; row++)
        {
            double dot = 0, expectedNorm = 0, actualNorm = 0;
            for (var index = row * dimension; index < (row + 1) * dimension; index++)
            {
                maxDifference = Math.Max(maxDifference, Math.Abs(expected[index] - actual[index]));
                dot += expected[index] * (double)actual[index];
                expectedNorm += expected[index] * (double)expected[index];
                actualNorm += actual[index] * (double)actual[index];
            }
            var cosine = dot / Math.Sqrt(expectedNorm * actualNorm);
            minCosine = Math.Min(minCosine, double.IsNaN(cosine) ? double.NegativeInfinity : cosine);
            if (double.IsNaN(maxDifference))
                maxDifference = double.PositiveInfinity;
        }
        return new ParityResult(rows, maxDifference, minCosine);
    }
}
