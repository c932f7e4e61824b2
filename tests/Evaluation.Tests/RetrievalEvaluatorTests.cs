namespace VfeTps.Stream.Evaluation.Tests;

/// <summary>Input checking, parallel determinism and agreement with a full-sort ranking.</summary>
public sealed class RetrievalEvaluatorTests
{
    [Fact]
    public void DimensionMismatch_Throws()
    {
        var queries = new EmbeddingMatrix(new float[4], 1, 4);
        var gallery = new EmbeddingMatrix(new float[6], 2, 3);

        var error = Assert.Throws<ArgumentException>(() => RetrievalEvaluator.Evaluate(
            queries, [1], gallery, [1, 1], TestContext.Current.CancellationToken));

        Assert.Contains("dimension 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QueryIdCountMismatch_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => RetrievalEvaluator.Evaluate(
            Embeddings.Scalars(1f, 1f), [1], Embeddings.Scalars(1f), [1], TestContext.Current.CancellationToken));

        Assert.Equal("queryPersonIds", error.ParamName);
    }

    [Fact]
    public void GalleryIdCountMismatch_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => RetrievalEvaluator.Evaluate(
            Embeddings.Scalars(1f), [1], Embeddings.Scalars(1f, 2f), [1, 1, 1], TestContext.Current.CancellationToken));

        Assert.Equal("galleryPersonIds", error.ParamName);
    }

    [Fact]
    public void QueryWhosePersonHasNoGalleryImage_ThrowsNamingThePerson()
    {
        var error = Assert.Throws<ArgumentException>(() => RetrievalEvaluator.Evaluate(
            Embeddings.Scalars(1f, 1f), [1, 4242], Embeddings.Scalars(1f, 2f), [1, 2], TestContext.Current.CancellationToken));

        Assert.Contains("person 4242", error.Message, StringComparison.Ordinal);
        Assert.Contains("Query 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyQueriesOrGallery_Throw()
    {
        var empty = new EmbeddingMatrix(Array.Empty<float>(), 0, 1);

        Assert.Throws<ArgumentException>(() => RetrievalEvaluator.Evaluate(
            empty, [], Embeddings.Scalars(1f), [1], TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentException>(() => RetrievalEvaluator.Evaluate(
            Embeddings.Scalars(1f), [1], empty, [], TestContext.Current.CancellationToken));
    }

    [Fact]
    public void CancelledToken_StopsWithOperationCanceled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => RetrievalEvaluator.Evaluate(
            Embeddings.Scalars(1f), [1], Embeddings.Scalars(1f), [1], cancelled.Token));
    }

    [Fact]
    public void OptionsRejectZeroParallelism()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetrievalOptions { MaxDegreeOfParallelism = 0 });
    }

    [Fact]
    public void DegreeOfParallelism_DoesNotChangeTheResult()
    {
        var (queries, queryIds, gallery, galleryIds) = QuantisedProblem(queryCount: 120, galleryCount: 90, seed: 11);

        var serial = RetrievalEvaluator.Evaluate(
            queries, queryIds, gallery, galleryIds, new RetrievalOptions { MaxDegreeOfParallelism = 1 },
            TestContext.Current.CancellationToken);
        var parallel = RetrievalEvaluator.Evaluate(
            queries, queryIds, gallery, galleryIds, new RetrievalOptions { MaxDegreeOfParallelism = 4 },
            TestContext.Current.CancellationToken);

        Assert.Equal(serial, parallel);
    }

    [Fact]
    public void RelevantRanks_MatchAStableFullSortOfEachQuery()
    {
        // An independent oracle: sort the whole gallery by (score descending, index ascending) and
        // read off where the relevant images are. Scores are quantised so that many ties occur,
        // and persons have 1 to 6 images, so the binary-search path is exercised broadly.
        var (queries, queryIds, gallery, galleryIds) = QuantisedProblem(queryCount: 40, galleryCount: 70, seed: 3);

        var evaluation = RetrievalEvaluator.EvaluateWithRankings(
            queries, queryIds, gallery, galleryIds, cancellationToken: TestContext.Current.CancellationToken);

        for (var q = 0; q < queries.Rows; q++)
        {
            var scores = Enumerable.Range(0, gallery.Rows)
                .Select(g => queries.Row(q).ToArray().Zip(gallery.Row(g).ToArray(), static (x, y) => x * y).Sum())
                .ToArray();
            var order = Enumerable.Range(0, gallery.Rows).OrderByDescending(g => scores[g]).ThenBy(static g => g).ToArray();
            var expected = order.Select(static (g, position) => (g, rank: position + 1))
                .Where(pair => galleryIds[pair.g] == queryIds[q])
                .ToArray();

            Assert.Equal(expected.Select(static pair => pair.rank), evaluation.Queries[q].RelevantRanks);
            Assert.Equal(expected.Select(static pair => pair.g), evaluation.Queries[q].RelevantGalleryIndices);
        }
    }

    /// <summary>
    /// One-hot-ish features on 4 axes with weights in {0, 1, 2}: dot products are small integers,
    /// exact in float whatever the summation order, and tie often.
    /// </summary>
    private static (EmbeddingMatrix Queries, int[] QueryIds, EmbeddingMatrix Gallery, int[] GalleryIds) QuantisedProblem(
        int queryCount, int galleryCount, int seed)
    {
        var random = new Random(seed);
        const int dimension = 4;
        var galleryIds = new int[galleryCount];
        for (var g = 0; g < galleryCount; g++)
        {
            galleryIds[g] = random.Next(0, 20);
        }

        var present = galleryIds.Distinct().ToArray();
        var queryIds = Enumerable.Range(0, queryCount).Select(_ => present[random.Next(present.Length)]).ToArray();
        float[] Draw(int count) =>
            [.. Enumerable.Range(0, count * dimension).Select(_ => (float)random.Next(0, 3))];

        return (new EmbeddingMatrix(Draw(queryCount), queryCount, dimension), queryIds,
            new EmbeddingMatrix(Draw(galleryCount), galleryCount, dimension), galleryIds);
    }
}
