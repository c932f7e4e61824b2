using VfeTps.Stream.VectorIndex.Embedded;

namespace VfeTps.Stream.VectorIndex.Tests;

public sealed class DotProductTests
{
    [Fact]
    public void MatchesADoublePrecisionDotAtEveryDimensionAndOffset()
    {
        var random = new Random(80);
        for (var dimension = 1; dimension <= 70; dimension++)
        {
            var rows = new float[dimension * 3];
            var query = new float[dimension];
            for (var i = 0; i < rows.Length; i++)
            {
                rows[i] = (float)(random.NextDouble() - 0.5);
            }

            for (var i = 0; i < dimension; i++)
            {
                query[i] = (float)(random.NextDouble() - 0.5);
            }

            for (var row = 0; row < 3; row++)
            {
                var expected = 0.0;
                for (var d = 0; d < dimension; d++)
                {
                    expected += (double)query[d] * rows[(row * dimension) + d];
                }

                Assert.Equal(expected, DotProduct.Compute(query, rows, row * dimension), 1e-5);
            }
        }
    }
}
