namespace VfeTps.Stream.Inference.Tests;

/// <summary>Float comparisons for embeddings.</summary>
internal static class Vectors
{
    public static void AssertClose(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, double tolerance, string what = "embedding")
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (!(Math.Abs(expected[i] - actual[i]) <= tolerance))
                Assert.Fail($"{what}[{i}]: expected {expected[i]}, got {actual[i]} (tolerance {tolerance}).");
        }
    }

    public static double MaxDifference(ReadOnlySpan<float> a, ReadOnlySpan<float> b) =>
        ParityResult.Compare(a, b, a.Length).MaxAbsDifference;
}
