namespace VfeTps.Stream.Evaluation.Tests;

public sealed class SilhouetteTests
{
    private const int Precision = 6;

    // Unit vectors a1 = (1, 0), a2 = (0.8, 0.6) in cluster A; b1 = (0, 1), b2 = (−0.6, 0.8) in B.
    // Cosine distances 1 − cos: a1a2 = 1 − 0.8 = 0.2, a1b1 = 1 − 0 = 1, a1b2 = 1 + 0.6 = 1.6,
    // a2b1 = 1 − 0.6 = 0.4, a2b2 = 1 − (−0.48 + 0.48) = 1, b1b2 = 1 − 0.8 = 0.2.
    private static readonly float[][] FourPoints = [[1f, 0f], [0.8f, 0.6f], [0f, 1f], [-0.6f, 0.8f]];

    [Fact]
    public void FourPoints_TwoClusters_HandComputed()
    {
        // s(a1): a = 0.2, b = (1 + 1.6)/2 = 1.3 → (1.3 − 0.2)/1.3 = 11/13.
        // s(a2): a = 0.2, b = (0.4 + 1)/2 = 0.7 → 0.5/0.7 = 5/7.
        // s(b1): a = 0.2, b = (1 + 0.4)/2 = 0.7 → 5/7.   s(b2): a = 0.2, b = (1.6 + 1)/2 = 1.3 → 11/13.
        // Mean = (11/13 + 5/7)/2 = (77 + 65)/182 = 71/91 = 0.780219….
        var features = EmbeddingMatrix.FromRows(FourPoints);

        var samples = Silhouette.ComputeSamples(features, [1, 1, 2, 2], cancellationToken: TestContext.Current.CancellationToken);
        var mean = Silhouette.Compute(features, [1, 1, 2, 2], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0.846154, samples[0], Precision); // 11/13
        Assert.Equal(0.714286, samples[1], Precision); // 5/7
        Assert.Equal(0.714286, samples[2], Precision);
        Assert.Equal(0.846154, samples[3], Precision);
        Assert.Equal(0.780220, mean, Precision); // 71/91
    }

    [Fact]
    public void LengthOfFeaturesDoesNotMatter_DistanceIsCosine()
    {
        float[][] scaled = [[5f, 0f], [0.08f, 0.06f], [0f, 3f], [-6f, 8f]];

        var mean = Silhouette.Compute(EmbeddingMatrix.FromRows(scaled), [1, 1, 2, 2], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0.780220, mean, Precision); // still 71/91
    }

    [Fact]
    public void SingletonCluster_ScoresZero()
    {
        // a1, a2 in A; b1 alone in B.
        // s(a1): a = 0.2, b = 1 → 0.8.  s(a2): a = 0.2, b = 0.4 → 0.5.  s(b1) = 0 (singleton).
        // Mean = 1.3 / 3 = 0.433333….
        var features = EmbeddingMatrix.FromRows([FourPoints[0], FourPoints[1], FourPoints[2]]);

        var samples = Silhouette.ComputeSamples(features, [1, 1, 2], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0.8, samples[0], Precision);
        Assert.Equal(0.5, samples[1], Precision);
        Assert.Equal(0.0, samples[2]);
        Assert.Equal(0.433333, Silhouette.Compute(features, [1, 1, 2], cancellationToken: TestContext.Current.CancellationToken), Precision);
    }

    [Fact]
    public void WrongClusterSide_GivesNegativeSilhouette()
    {
        // Swap the labels of a2 and b1: A = {a1, b1}, B = {a2, b2}.
        // s(a1): a = d(a1, b1) = 1, b = (d(a1, a2) + d(a1, b2))/2 = (0.2 + 1.6)/2 = 0.9 → (0.9 − 1)/1 = −0.1.
        var samples = Silhouette.ComputeSamples(
            EmbeddingMatrix.FromRows(FourPoints), [1, 2, 1, 2], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(-0.1, samples[0], Precision);
    }

    [Fact]
    public void OneCluster_Throws()
    {
        Assert.Throws<ArgumentException>(() => Silhouette.Compute(
            EmbeddingMatrix.FromRows(FourPoints), [1, 1, 1, 1], cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public void EverySampleItsOwnCluster_Throws()
    {
        Assert.Throws<ArgumentException>(() => Silhouette.Compute(
            EmbeddingMatrix.FromRows(FourPoints), [1, 2, 3, 4], cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public void LabelCountMismatch_Throws()
    {
        Assert.Throws<ArgumentException>(() => Silhouette.Compute(
            EmbeddingMatrix.FromRows(FourPoints), [1, 1, 2], cancellationToken: TestContext.Current.CancellationToken));
    }
}
