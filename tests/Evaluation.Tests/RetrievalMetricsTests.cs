namespace VfeTps.Stream.Evaluation.Tests;

/// <summary>Metrics on constructed cases whose answers are worked out by hand in the comments.</summary>
public sealed class RetrievalMetricsTests
{
    private const int Precision = 9;

    [Fact]
    public void PerfectFeatures_EveryMetricIs100()
    {
        // Three persons on orthogonal axes (dimension 5, so the SIMD tail is used too); each query
        // equals its person's images: relevant images score 1, the rest 0, so the R relevant
        // images hold ranks 1..R: AP = 1 and INP = R / R = 1 for every query.
        float[][] galleryRows = [Embeddings.Axis(0, 5), Embeddings.Axis(1, 5), Embeddings.Axis(0, 5), Embeddings.Axis(2, 5), Embeddings.Axis(1, 5)];
        int[] galleryIds = [10, 20, 10, 30, 20];
        float[][] queryRows = [Embeddings.Axis(2, 5), Embeddings.Axis(0, 5), Embeddings.Axis(1, 5), Embeddings.Axis(0, 5)];
        int[] queryIds = [30, 10, 20, 10];

        var metrics = RetrievalEvaluator.Evaluate(
            EmbeddingMatrix.FromRows(queryRows), queryIds, EmbeddingMatrix.FromRows(galleryRows), galleryIds,
            TestContext.Current.CancellationToken);

        Assert.Equal(new RetrievalMetrics(100, 100, 100, 100, 100, QueryCount: 4, GalleryCount: 5), metrics);
    }

    [Fact]
    public void OneQuery_RelevantAtRanks2And4()
    {
        // Query [1] against scalars: scores are the values. Sorted: g1 0.9, g3 0.8 (relevant, rank 2),
        // g4 0.7, g0 0.6 (relevant, rank 4), g2 0.5.
        // AP = (1/2)(1/2 + 2/4) = 0.5; INP = 2/4 = 0.5; best rank 2: Rank-1 = 0, Rank-5 = Rank-10 = 100.
        var evaluation = RetrievalEvaluator.EvaluateWithRankings(
            Embeddings.Scalars(1f), [7], Embeddings.Scalars(0.6f, 0.9f, 0.5f, 0.8f, 0.7f), [7, 1, 2, 7, 3],
            cancellationToken: TestContext.Current.CancellationToken);

        var metrics = evaluation.Metrics;
        Assert.Equal(0.0, metrics.Rank1);
        Assert.Equal(100.0, metrics.Rank5);
        Assert.Equal(100.0, metrics.Rank10);
        Assert.Equal(50.0, metrics.MeanAveragePrecision, Precision);
        Assert.Equal(50.0, metrics.MeanInverseNegativePenalty, Precision);
        var query = Assert.Single(evaluation.Queries);
        Assert.Equal(7, query.PersonId);
        Assert.Equal([3, 0], query.RelevantGalleryIndices);
        Assert.Equal([2, 4], query.RelevantRanks);
        Assert.Equal(0.5, query.AveragePrecision, Precision);
        Assert.Equal(0.5, query.InverseNegativePenalty, Precision);
    }

    [Fact]
    public void ThreeQueries_MetricsAreMeansOverQueries()
    {
        // Gallery values and persons: g0 0.6 A, g1 0.9 B, g2 0.5 B, g3 0.8 A, g4 0.7 C.
        // Query A = [1]: order g1 g3 g4 g0 g2 → A at ranks 2, 4: AP = (1/2)(1/2 + 2/4) = 0.5, INP = 2/4.
        // Query B = [-1]: scores negate, order g2 g0 g4 g3 g1 → B at ranks 1, 5: AP = (1/2)(1/1 + 2/5) = 0.7, INP = 2/5.
        // Query C = [1]: C at rank 3: AP = 1/3, INP = 1/3.
        // Rank-1 = 1/3 of queries; Rank-5 = Rank-10 = all;
        // mAP = (0.5 + 0.7 + 1/3) / 3 = 0.51111…; mINP = (0.5 + 0.4 + 1/3) / 3 = 0.41111….
        const int a = 1, b = 2, c = 3;
        var metrics = RetrievalEvaluator.Evaluate(
            Embeddings.Scalars(1f, -1f, 1f), [a, b, c], Embeddings.Scalars(0.6f, 0.9f, 0.5f, 0.8f, 0.7f), [a, b, b, a, c],
            TestContext.Current.CancellationToken);

        Assert.Equal(100.0 / 3.0, metrics.Rank1, Precision);
        Assert.Equal(100.0, metrics.Rank5);
        Assert.Equal(100.0, metrics.Rank10);
        Assert.Equal(51.111111111, metrics.MeanAveragePrecision, 8);
        Assert.Equal(41.111111111, metrics.MeanInverseNegativePenalty, 8);
        Assert.Equal(3, metrics.QueryCount);
        Assert.Equal(5, metrics.GalleryCount);
    }

    [Fact]
    public void BestRelevantAtRank6_CountsForRank10Only()
    {
        // Gallery g_k scores 12 − k, so g_k sits at rank k + 1. Relevant: g5 (rank 6) and g10 (rank 11).
        // Rank-1 = Rank-5 = 0, Rank-10 = 100; AP = (1/2)(1/6 + 2/11) = 23/132 = 0.1742424…; INP = 2/11 = 0.1818181….
        var gallery = Embeddings.Scalars(12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1);
        int[] ids = [0, 0, 0, 0, 0, 9, 0, 0, 0, 0, 9, 0];

        var metrics = RetrievalEvaluator.Evaluate(
            Embeddings.Scalars(1f), [9], gallery, ids, TestContext.Current.CancellationToken);

        Assert.Equal(0.0, metrics.Rank1);
        Assert.Equal(0.0, metrics.Rank5);
        Assert.Equal(100.0, metrics.Rank10);
        Assert.Equal(17.424242424, metrics.MeanAveragePrecision, 8);
        Assert.Equal(18.181818182, metrics.MeanInverseNegativePenalty, 8);
    }

    [Fact]
    public void AllScoresTied_LowerGalleryIndexRanksFirst()
    {
        // Every score is 0.5, so the order is the gallery order: relevant g1, g3 at ranks 2, 4.
        // AP = (1/2)(1/2 + 2/4) = 0.5, INP = 2/4 = 0.5.
        var evaluation = RetrievalEvaluator.EvaluateWithRankings(
            Embeddings.Scalars(1f), [5], Embeddings.Scalars(0.5f, 0.5f, 0.5f, 0.5f, 0.5f), [0, 5, 0, 5, 0],
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([2, 4], evaluation.Queries[0].RelevantRanks);
        Assert.Equal(50.0, evaluation.Metrics.MeanAveragePrecision, Precision);
    }

    [Fact]
    public void TieWithAnImageOfAnotherPerson_OnlyEarlierIndicesGoFirst()
    {
        // Scores: g0 0.5 (person 1), g1 0.9 (person 3), g2 0.5 (person 2).
        // Person 1's g0: 1 + #{s > 0.5} = 1 + 1 (g1) + #{j < 0 tied} = 0 → rank 2.
        // Person 2's g2: 1 + 1 (g1) + #{j < 2 tied} = 1 (g0) → rank 3.
        var evaluation = RetrievalEvaluator.EvaluateWithRankings(
            Embeddings.Scalars(1f, 1f), [1, 2], Embeddings.Scalars(0.5f, 0.9f, 0.5f), [1, 3, 2],
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([2], evaluation.Queries[0].RelevantRanks);
        Assert.Equal([3], evaluation.Queries[1].RelevantRanks);
    }
}
