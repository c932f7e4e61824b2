namespace VfeTps.Stream.Inference.Tests;

/// <summary>The probe's thresholds on hand-made embeddings: what a working tower gives passes, collapse does not.</summary>
public sealed class EmbeddingHealthTests
{
    private const int Dimension = 32;

    [Fact]
    public void Embeddings_in_a_narrow_cone_like_clips_pass()
    {
        // Average cosine similarity between different rows ≈ 0.99: far narrower than a working tower's.
        var batch = Batch(16, row => Normalized(Add(Direction(0), Scale(Direction(row + 1), 0.1))));

        Assert.Empty(EmbeddingHealth.Check("image tower", "image", batch));
    }

    [Fact]
    public void Identical_embeddings_are_collapsed()
    {
        var batch = Batch(16, _ => Direction(0));

        var problem = Assert.Single(EmbeddingHealth.Check("image tower", "image", batch));

        Assert.StartsWith("image tower: collapsed embeddings: the 16 probe images give nearly the same embedding (spread 1 − ‖mean‖² = 0", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Embeddings_differing_only_by_rounding_noise_are_collapsed()
    {
        var batch = Batch(16, row => Normalized(Add(Direction(0), Scale(Direction(row + 1), 1e-4))));

        Assert.Contains("collapsed embeddings", Assert.Single(EmbeddingHealth.Check("text tower", "text", batch)), StringComparison.Ordinal);
    }

    [Fact]
    public void Most_probes_on_one_point_is_collapse_even_when_the_rest_spread()
    {
        // 12 of 16 probes identical, 4 elsewhere: the spread is large, the duplicate pairs give it away.
        var batch = Batch(16, row => row < 12 ? Direction(0) : Direction(row));

        var problem = Assert.Single(EmbeddingHealth.Check("image tower", "image", batch));

        Assert.Equal("image tower: collapsed embeddings: 66 of 120 pairs of different probe images give the same embedding.", problem);
    }

    [Fact]
    public void A_few_coinciding_probes_are_tolerated()
    {
        var batch = Batch(16, row => row < 4 ? Direction(0) : Direction(row));

        Assert.Empty(EmbeddingHealth.Check("image tower", "image", batch));
    }

    [Fact]
    public void One_non_finite_value_fails_the_tower()
    {
        var batch = Batch(12, row => Direction(row));
        batch.Values[(5 * Dimension) + 3] = float.NaN;

        Assert.Equal(["text tower: NaN/infinite output for 1 of 12 probe texts (first: text 5)."], EmbeddingHealth.Check("text tower", "text", batch));
    }

    [Fact]
    public void A_norm_off_by_more_than_the_tolerance_is_not_normalised_and_within_it_is()
    {
        var scaledOff = Batch(16, row => Scale(Direction(row), row == 2 ? 1.002 : 1));
        var scaledWithin = Batch(16, row => Scale(Direction(row), 1.0005));

        Assert.Equal(
            ["image tower: output is not L2-normalised: 1 of 16 probe images have a norm outside 1 ± 0.001 (image 2: 1.002)."],
            EmbeddingHealth.Check("image tower", "image", scaledOff));
        Assert.Empty(EmbeddingHealth.Check("image tower", "image", scaledWithin));
    }

    [Fact]
    public void Batch_consistency_allows_rounding_and_refuses_a_real_difference()
    {
        float[] alone = [0.6f, 0.8f];

        Assert.Null(EmbeddingHealth.CheckBatchConsistency("image tower", alone, [0.6001f, 0.7999f]));
        Assert.Contains("output depends on the rest of the batch", EmbeddingHealth.CheckBatchConsistency("image tower", alone, [0.8f, 0.6f]), StringComparison.Ordinal);
    }

    [Fact]
    public void The_probe_images_are_fixed_and_all_different()
    {
        var first = ProbeImages.Create(24, 12);
        var second = ProbeImages.Create(24, 12);

        Assert.Equal(16, first.Count);
        Assert.All(first, image => Assert.Equal((12, 24), (image.Width, image.Height)));
        for (var a = 0; a < first.Count; a++)
        {
            Assert.Equal(first[a].Pixels, second[a].Pixels);
            for (var b = a + 1; b < first.Count; b++)
                Assert.NotEqual(first[a].Pixels, first[b].Pixels);
        }
    }

    [Fact]
    public void The_probe_texts_are_all_different()
    {
        Assert.InRange(ProbeTexts.All.Count, 8, 16);
        Assert.Equal(ProbeTexts.All.Count, ProbeTexts.All.Distinct(StringComparer.Ordinal).Count());
    }

    private static EmbeddingBatch Batch(int rows, Func<int, double[]> row) =>
        new([.. Enumerable.Range(0, rows).SelectMany(index => row(index).Select(value => (float)value))], Dimension);

    // Unit vectors with random directions in 32 dimensions, fixed per index.
    private static double[] Direction(int index)
    {
        var random = new Random(100 + index);
        return Normalized([.. Enumerable.Range(0, Dimension).Select(_ => (random.NextDouble() * 2) - 1)]);
    }

    private static double[] Add(double[] a, double[] b) => [.. a.Zip(b, (x, y) => x + y)];

    private static double[] Scale(double[] a, double factor) => [.. a.Select(x => x * factor)];

    private static double[] Normalized(double[] a) => Scale(a, 1 / Math.Sqrt(a.Sum(x => x * x)));
}
