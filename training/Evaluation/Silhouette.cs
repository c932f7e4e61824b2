namespace VfeTps.Stream.Evaluation;

/// <summary>
/// Silhouette coefficient of features grouped by identity, with cosine distance d = 1 − cos(u, v)
/// (clamped to [0, 2] against rounding). The paper uses it to show how IS-GVFC tightens identities.
/// </summary>
/// <remarks>
/// For sample i in cluster C: a(i) is the mean distance to the other members of C, b(i) the smallest
/// mean distance to the members of another cluster, s(i) = (b − a) / max(a, b) (0 when both are 0).
/// As in scikit-learn, a sample alone in its cluster gets s(i) = 0, and 2 ≤ clusters ≤ n − 1 is
/// required. O(n² · dimension) time, O(n · dimension) memory: fine up to a few thousand samples.
/// </remarks>
public static class Silhouette
{
    /// <summary>Mean silhouette over all samples, in [−1, 1].</summary>
    /// <param name="features">One feature per row; need not be normalised (cosine distance ignores length).</param>
    /// <param name="labels">Identity of each row.</param>
    /// <param name="maxDegreeOfParallelism">Most samples processed at once; -1 leaves it to the scheduler. The result does not depend on it.</param>
    /// <param name="cancellationToken">Stops the computation.</param>
    /// <exception cref="ArgumentException">Counts disagree, a row is all zeros, or fewer than 2 or more than n − 1 clusters.</exception>
    public static double Compute(
        EmbeddingMatrix features,
        IReadOnlyList<int> labels,
        int maxDegreeOfParallelism = -1,
        CancellationToken cancellationToken = default)
    {
        var samples = ComputeSamples(features, labels, maxDegreeOfParallelism, cancellationToken);
        var sum = 0.0;
        foreach (var s in samples)
        {
            sum += s;
        }

        return sum / samples.Length;
    }

    /// <summary>The silhouette s(i) of every sample, in row order.</summary>
    /// <inheritdoc cref="Compute"/>
    public static double[] ComputeSamples(
        EmbeddingMatrix features,
        IReadOnlyList<int> labels,
        int maxDegreeOfParallelism = -1,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count != features.Rows)
        {
            throw new ArgumentException($"{labels.Count} labels for {features.Rows} features.", nameof(labels));
        }

        var (clusterOf, clusterSizes) = DenseClusters(labels);
        var n = features.Rows;
        if (clusterSizes.Length < 2 || clusterSizes.Length > n - 1)
        {
            throw new ArgumentException(
                $"The silhouette needs between 2 and n − 1 = {n - 1} clusters; got {clusterSizes.Length}.", nameof(labels));
        }

        var unit = features.NormalizeRows();
        var values = unit.Values;
        var dimension = unit.Dimension;
        var silhouettes = new double[n];
        var parallelOptions = new ParallelOptions
        {
            MaxDegreeOfParallelism = maxDegreeOfParallelism,
            CancellationToken = cancellationToken,
        };

        Parallel.For(
            0,
            n,
            parallelOptions,
            () => new double[clusterSizes.Length],
            (i, _, distanceSums) =>
            {
                var all = values.Span;
                var row = all.Slice(i * dimension, dimension);
                Array.Clear(distanceSums);
                for (var j = 0; j < n; j++)
                {
                    if (j != i)
                    {
                        var cosine = VectorMath.Dot(row, all.Slice(j * dimension, dimension));
                        distanceSums[clusterOf[j]] += Math.Clamp(1.0 - cosine, 0.0, 2.0);
                    }
                }

                silhouettes[i] = SampleSilhouette(clusterOf[i], distanceSums, clusterSizes);
                return distanceSums;
            },
            static _ => { });

        return silhouettes;
    }

    private static double SampleSilhouette(int own, double[] distanceSums, int[] clusterSizes)
    {
        if (clusterSizes[own] == 1)
        {
            return 0.0;
        }

        var a = distanceSums[own] / (clusterSizes[own] - 1);
        var b = double.PositiveInfinity;
        for (var c = 0; c < clusterSizes.Length; c++)
        {
            if (c != own)
            {
                b = Math.Min(b, distanceSums[c] / clusterSizes[c]);
            }
        }

        var scale = Math.Max(a, b);
        return scale == 0.0 ? 0.0 : (b - a) / scale;
    }

    private static (int[] ClusterOf, int[] ClusterSizes) DenseClusters(IReadOnlyList<int> labels)
    {
        var indexOfLabel = new Dictionary<int, int>();
        var clusterOf = new int[labels.Count];
        var sizes = new List<int>();
        for (var i = 0; i < labels.Count; i++)
        {
            if (!indexOfLabel.TryGetValue(labels[i], out var cluster))
            {
                cluster = sizes.Count;
                indexOfLabel.Add(labels[i], cluster);
                sizes.Add(0);
            }

            clusterOf[i] = cluster;
            sizes[cluster]++;
        }

        return (clusterOf, sizes.ToArray());
    }
}
