namespace VfeTps.Stream.Evaluation;

/// <summary>
/// Text-to-image retrieval metrics by the person-search protocol: the queries are captions, the
/// gallery is images, and a gallery image is relevant to a query when it shows the query's person
/// (no camera filtering). Similarity is the dot product, so pass L2-normalised embeddings
/// (<see cref="EmbeddingMatrix.NormalizeRows"/>) to rank by cosine similarity.
/// </summary>
/// <remarks>
/// Each query is scored against the gallery on its own (one G-long score buffer per worker, never a
/// query × gallery matrix, never a sort of the gallery). Ties rank the lower gallery index first.
/// Every query must have at least one relevant gallery image: otherwise the inputs are rejected
/// with an <see cref="ArgumentException"/> naming the person, since such a query has no defined AP
/// and silently skipping it would flatter the metrics. Queries run in parallel; per-query results
/// are summed in query order, so the metrics do not depend on the degree of parallelism.
/// </remarks>
public static class RetrievalEvaluator
{
    /// <summary>Computes Rank-1/5/10, mAP and mINP.</summary>
    /// <exception cref="ArgumentException">Dimensions or counts disagree, an input is empty, or a query's person has no gallery image.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static RetrievalMetrics Evaluate(
        EmbeddingMatrix queries,
        IReadOnlyList<int> queryPersonIds,
        EmbeddingMatrix gallery,
        IReadOnlyList<int> galleryPersonIds,
        CancellationToken cancellationToken = default) =>
        Evaluate(queries, queryPersonIds, gallery, galleryPersonIds, RetrievalOptions.Default, cancellationToken);

    /// <summary>Computes Rank-1/5/10, mAP and mINP with explicit <paramref name="options"/>.</summary>
    /// <inheritdoc cref="Evaluate(EmbeddingMatrix, IReadOnlyList{int}, EmbeddingMatrix, IReadOnlyList{int}, CancellationToken)"/>
    public static RetrievalMetrics Evaluate(
        EmbeddingMatrix queries,
        IReadOnlyList<int> queryPersonIds,
        EmbeddingMatrix gallery,
        IReadOnlyList<int> galleryPersonIds,
        RetrievalOptions options,
        CancellationToken cancellationToken = default) =>
        Run(queries, queryPersonIds, gallery, galleryPersonIds, options, keepRankings: false, cancellationToken).Metrics;

    /// <summary>Computes the metrics and keeps every query's ranking (for inspecting single queries).</summary>
    /// <inheritdoc cref="Evaluate(EmbeddingMatrix, IReadOnlyList{int}, EmbeddingMatrix, IReadOnlyList{int}, CancellationToken)"/>
    public static RetrievalEvaluation EvaluateWithRankings(
        EmbeddingMatrix queries,
        IReadOnlyList<int> queryPersonIds,
        EmbeddingMatrix gallery,
        IReadOnlyList<int> galleryPersonIds,
        RetrievalOptions? options = null,
        CancellationToken cancellationToken = default) =>
        Run(queries, queryPersonIds, gallery, galleryPersonIds, options ?? RetrievalOptions.Default, keepRankings: true, cancellationToken);

    private static RetrievalEvaluation Run(
        EmbeddingMatrix queries,
        IReadOnlyList<int> queryPersonIds,
        EmbeddingMatrix gallery,
        IReadOnlyList<int> galleryPersonIds,
        RetrievalOptions options,
        bool keepRankings,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var identities = Validate(queries, queryPersonIds, gallery, galleryPersonIds);

        var queryCount = queries.Rows;
        var galleryCount = gallery.Rows;
        var firstRanks = new int[queryCount];
        var averagePrecisions = new double[queryCount];
        var inverseNegativePenalties = new double[queryCount];
        var rankings = keepRankings ? new QueryRanking[queryCount] : null;

        var parallelOptions = new ParallelOptions
        {
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism,
            CancellationToken = cancellationToken,
        };

        Parallel.For(
            0,
            queryCount,
            parallelOptions,
            () => new QueryWorkspace(galleryCount, identities.LargestGroup),
            (q, _, workspace) =>
            {
                var personId = queryPersonIds[q];
                var query = queries.Row(q);
                var galleryValues = gallery.Values.Span;
                var dimension = gallery.Dimension;
                var scores = workspace.Scores;
                for (var g = 0; g < galleryCount; g++)
                {
                    scores[g] = VectorMath.Dot(query, galleryValues.Slice(g * dimension, dimension));
                }

                var relevantRows = identities.RowsOf(personId);
                var relevant = workspace.Relevant.AsSpan(0, relevantRows.Length);
                var ranks = workspace.Ranks.AsSpan(0, relevantRows.Length);
                relevantRows.CopyTo(relevant);
                RelevantRanker.Rank(scores, relevant, ranks, workspace.Histogram);

                var precisionSum = 0.0;
                for (var i = 0; i < ranks.Length; i++)
                {
                    precisionSum += (i + 1) / (double)ranks[i];
                }

                firstRanks[q] = ranks[0];
                averagePrecisions[q] = precisionSum / ranks.Length;
                inverseNegativePenalties[q] = ranks.Length / (double)ranks[^1];
                if (rankings is not null)
                {
                    rankings[q] = new QueryRanking(
                        q, personId, relevant.ToArray(), ranks.ToArray(), averagePrecisions[q], inverseNegativePenalties[q]);
                }

                return workspace;
            },
            static _ => { });

        var metrics = new RetrievalMetrics(
            Rank1: Percent(CountAtMost(firstRanks, 1), queryCount),
            Rank5: Percent(CountAtMost(firstRanks, 5), queryCount),
            Rank10: Percent(CountAtMost(firstRanks, 10), queryCount),
            MeanAveragePrecision: Percent(SumInOrder(averagePrecisions), queryCount),
            MeanInverseNegativePenalty: Percent(SumInOrder(inverseNegativePenalties), queryCount),
            QueryCount: queryCount,
            GalleryCount: galleryCount);
        return new RetrievalEvaluation(metrics, rankings ?? []);
    }

    private static GalleryIdentities Validate(
        EmbeddingMatrix queries,
        IReadOnlyList<int> queryPersonIds,
        EmbeddingMatrix gallery,
        IReadOnlyList<int> galleryPersonIds)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(queryPersonIds);
        ArgumentNullException.ThrowIfNull(gallery);
        ArgumentNullException.ThrowIfNull(galleryPersonIds);
        if (queries.Dimension != gallery.Dimension)
        {
            throw new ArgumentException(
                $"Query embeddings have dimension {queries.Dimension}, gallery embeddings {gallery.Dimension}.",
                nameof(gallery));
        }

        if (queries.Rows == 0)
        {
            throw new ArgumentException("There are no queries to evaluate.", nameof(queries));
        }

        if (gallery.Rows == 0)
        {
            throw new ArgumentException("The gallery is empty.", nameof(gallery));
        }

        if (queryPersonIds.Count != queries.Rows)
        {
            throw new ArgumentException(
                $"{queryPersonIds.Count} query person ids for {queries.Rows} query embeddings.", nameof(queryPersonIds));
        }

        if (galleryPersonIds.Count != gallery.Rows)
        {
            throw new ArgumentException(
                $"{galleryPersonIds.Count} gallery person ids for {gallery.Rows} gallery embeddings.", nameof(galleryPersonIds));
        }

        var identities = new GalleryIdentities(galleryPersonIds);
        for (var q = 0; q < queryPersonIds.Count; q++)
        {
            if (identities.RowsOf(queryPersonIds[q]).IsEmpty)
            {
                throw new ArgumentException(
                    $"Query {q} is of person {queryPersonIds[q]}, who has no image in the gallery.", nameof(queryPersonIds));
            }
        }

        return identities;
    }

    private static int CountAtMost(int[] firstRanks, int k) => firstRanks.Count(rank => rank <= k);

    // A fixed summation order keeps the floating-point result independent of thread scheduling.
    private static double SumInOrder(double[] values)
    {
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum;
    }

    private static double Percent(double amount, int count) => 100.0 * amount / count;

    /// <summary>One worker's buffers, reused across the queries it takes.</summary>
    private sealed class QueryWorkspace(int galleryCount, int largestGroup)
    {
        public float[] Scores { get; } = new float[galleryCount];

        public int[] Relevant { get; } = new int[largestGroup];

        public int[] Ranks { get; } = new int[largestGroup];

        public int[] Histogram { get; } = new int[largestGroup + 1];
    }
}
