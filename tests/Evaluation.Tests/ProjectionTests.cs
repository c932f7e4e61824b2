namespace VfeTps.Stream.Evaluation.Tests;

public sealed class ProjectionTests
{
    [Fact]
    public void Pca_RecoversTheTwoAxesOfVariance()
    {
        // In 16-D, point i = 3·1 + t_i·e3 + u_i·e7 with t = (−2, −1, 0, 1, 2), u = (1, −1, 0, −1, 1).
        // Both are centred, Σ t·u = −2 + 1 + 0 − 1 + 2 = 0 (uncorrelated), Σ t² = 10 > Σ u² = 4, so
        // PC1 = e3 and PC2 = e7 with positive loadings: the projection is (t_i, u_i) exactly.
        double[] t = [-2, -1, 0, 1, 2];
        double[] u = [1, -1, 0, -1, 1];
        var rows = new float[5][];
        for (var i = 0; i < 5; i++)
        {
            rows[i] = [.. Enumerable.Repeat(3f, 16)];
            rows[i][3] += (float)t[i];
            rows[i][7] += (float)u[i];
        }

        var points = PcaProjection.Project(EmbeddingMatrix.FromRows(rows), TestContext.Current.CancellationToken);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(t[i], points[i].X, 6);
            Assert.Equal(u[i], points[i].Y, 6);
        }
    }

    [Fact]
    public void Pca_SingleDirectionOfVariance_SecondCoordinateIsZero()
    {
        // Points on a line along e1 at offsets −1, 0, 1: PC1 gives the offsets, nothing is left for PC2.
        var points = PcaProjection.Project(
            EmbeddingMatrix.FromRows([[2f, 4f, 0f], [2f, 5f, 0f], [2f, 6f, 0f]]), TestContext.Current.CancellationToken);

        Assert.Equal([-1.0, 0.0, 1.0], points.Select(static p => Math.Round(p.X, 6)));
        Assert.All(points, static p => Assert.Equal(0.0, p.Y, 6));
    }

    [Theory]
    [InlineData(ProjectionMethod.Tsne)]
    [InlineData(ProjectionMethod.Pca)]
    public void SeparatedClusters_StaySeparatedIn2D(ProjectionMethod method)
    {
        var (features, labels) = ThreeClusters();

        var points = FeatureProjection.Project(features, method, new TsneOptions { Perplexity = 10 }, TestContext.Current.CancellationToken);

        for (var i = 0; i < points.Length; i++)
        {
            var nearest = Enumerable.Range(0, points.Length)
                .Where(j => j != i)
                .MinBy(j => Squared(points[i], points[j]));
            Assert.True(labels[nearest] == labels[i], $"Point {i} (label {labels[i]}) has nearest neighbour {nearest} (label {labels[nearest]}).");
        }
    }

    [Fact]
    public void Tsne_SameSeed_SamePoints_OtherSeed_OtherPoints()
    {
        var (features, _) = ThreeClusters();
        var options = new TsneOptions { Perplexity = 10, Iterations = 300, Seed = 7 };

        var first = TsneProjection.Project(features, options, TestContext.Current.CancellationToken);
        var again = TsneProjection.Project(features, options, TestContext.Current.CancellationToken);
        var other = TsneProjection.Project(features, options with { Seed = 8 }, TestContext.Current.CancellationToken);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Theory]
    [InlineData(45.0)]
    [InlineData(0.5)]
    public void Tsne_PerplexityOutsideOneToPointCount_Throws(double perplexity)
    {
        var (features, _) = ThreeClusters();

        Assert.Throws<ArgumentOutOfRangeException>(() => TsneProjection.Project(
            features, new TsneOptions { Perplexity = perplexity }, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Tsne_OnePoint_Throws()
    {
        Assert.Throws<ArgumentException>(() => TsneProjection.Project(
            Embeddings.Scalars(1f), cancellationToken: TestContext.Current.CancellationToken));
    }

    /// <summary>15 points around each of 10·e0, 10·e1, 10·e2 in 16-D, with ±1 uniform noise per coordinate.</summary>
    private static (EmbeddingMatrix Features, int[] Labels) ThreeClusters()
    {
        const int perCluster = 15;
        const int dimension = 16;
        var random = new Random(5);
        var rows = new List<float[]>();
        var labels = new List<int>();
        for (var cluster = 0; cluster < 3; cluster++)
        {
            for (var k = 0; k < perCluster; k++)
            {
                var row = Enumerable.Range(0, dimension).Select(_ => (float)((random.NextDouble() * 2.0) - 1.0)).ToArray();
                row[cluster] += 10f;
                rows.Add(row);
                labels.Add(100 + cluster);
            }
        }

        return (EmbeddingMatrix.FromRows(rows), labels.ToArray());
    }

    private static double Squared(Point2D a, Point2D b) => ((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y));
}
