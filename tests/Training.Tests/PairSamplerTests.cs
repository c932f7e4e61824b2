using VfeTps.Stream.Datasets;
using VfeTps.Stream.Training.Data;
using VfeTps.Stream.Training.Trainer;

namespace VfeTps.Stream.Training.Tests;

public sealed class PairSamplerTests
{
    // 6 identities × 3 images × 2 captions = 36 pairs.
    private static readonly IReadOnlyList<PersonImage> s_images =
        Enumerable.Range(0, 18).Select(i => new PersonImage($"/x/{i}.jpg", $"{i}.jpg", 100 + (i / 3), i / 3, ["a", "b"], null, null, null)).ToList();

    [Fact]
    public void RandomPlan_UsesEveryPairOnce_InBatchesOfTheRequestedSize()
    {
        var sampler = new PairSampler(s_images, batchSize: 8, BatchSampling.Random, 4, seed: 1);

        var plan = sampler.PlanEpoch(0);

        Assert.Equal(36, sampler.PairCount);
        Assert.Equal(5, plan.Count); // 4 full batches and one of 4
        Assert.Equal([8, 8, 8, 8, 4], plan.Select(b => b.Length));
        Assert.Equal(36, plan.SelectMany(b => b).Distinct().Count());
    }

    [Fact]
    public void Plans_AreReproducible_AndDifferBetweenEpochs()
    {
        var a = new PairSampler(s_images, 8, BatchSampling.Random, 4, seed: 1);
        var b = new PairSampler(s_images, 8, BatchSampling.Random, 4, seed: 1);

        Assert.Equal(a.PlanEpoch(3).SelectMany(x => x), b.PlanEpoch(3).SelectMany(x => x));
        Assert.NotEqual(a.PlanEpoch(3).SelectMany(x => x), a.PlanEpoch(4).SelectMany(x => x));
    }

    [Fact]
    public void AOneLeftOverPair_IsDropped_BecauseCmpmNeedsTwo()
    {
        var sampler = new PairSampler(s_images, batchSize: 7, BatchSampling.Random, 4, seed: 1);

        Assert.Equal(5, sampler.BatchesPerEpoch); // 36 = 5 × 7 + 1
        Assert.All(sampler.PlanEpoch(0), batch => Assert.Equal(7, batch.Length));
    }

    [Fact]
    public void IdentityBalancedPlan_GivesEachIdentityKPairsInABatch()
    {
        var sampler = new PairSampler(s_images, batchSize: 8, BatchSampling.IdentityBalanced, instancesPerIdentity: 4, seed: 2);

        foreach (var batch in sampler.PlanEpoch(0).Where(b => b.Length == 8))
        {
            var perIdentity = batch.GroupBy(p => s_images[p.ImageIndex].Label).Select(g => g.Count()).ToList();
            Assert.Equal([4, 4], perIdentity);
        }
    }
}
