namespace VfeTps.Stream.SynthPedes.Tests;

public sealed class IdentitySamplerTests
{
    [Fact]
    public void Sample_SameSeed_GivesTheSameIdentities()
    {
        var a = new IdentitySampler(seed: 3).Sample(200);
        var b = new IdentitySampler(seed: 3).Sample(200);
        var c = new IdentitySampler(seed: 4).Sample(200);

        Assert.Equal(a, b);
        Assert.NotEqual(a.Select(i => i.Attributes), c.Select(i => i.Attributes));
    }

    [Fact]
    public void Sample_NeverRepeatsALook_AcrossCalls()
    {
        var sampler = new IdentitySampler(seed: 5, siblingShare: 0.8);
        var all = sampler.Sample(1500).Concat(sampler.Sample(500)).Select(i => i.Attributes).ToList();

        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.All(all, look => Assert.True(AttributeRules.IsConsistent(look), look.ToString()));
    }

    [Fact]
    public void Sample_Siblings_DifferFromAFamilyMemberInOneOrTwoAttributes()
    {
        var identities = new IdentitySampler(seed: 6, siblingShare: 0.5).Sample(600);
        var siblings = identities.Where(i => i.IsSibling).ToList();

        // With share 0.5 and families capped at five, about 47 % are siblings (measured).
        Assert.InRange(siblings.Count / (double)identities.Count, 0.35, 0.55);
        foreach (var sibling in siblings)
        {
            var family = identities.Where(i => i.Family == sibling.Family && !ReferenceEquals(i, sibling));
            Assert.Contains(family, member => sibling.Attributes.CountDifferences(member.Attributes) is 1 or 2);
        }
    }

    [Fact]
    public void Sample_WithSiblings_ManyIdentitiesHaveANearTwin()
    {
        static double NearTwinShare(double siblingShare)
        {
            var looks = new IdentitySampler(seed: 8, siblingShare).Sample(400).Select(i => i.Attributes).ToList();
            var near = looks.Count(a => looks.Any(b => !ReferenceEquals(a, b) && a.CountDifferences(b) <= 2));
            return near / (double)looks.Count;
        }

        var withSiblings = NearTwinShare(0.5);
        var without = NearTwinShare(0.0);

        // Measured: 74 % with share 0.5, 0 % without.
        Assert.True(withSiblings >= 0.5, $"only {withSiblings:P0} have a near twin");
        Assert.True(without < withSiblings / 3, $"{without:P0} have a near twin without siblings");
    }

    [Fact]
    public void Sample_StartsNewFamiliesInEachCall()
    {
        var sampler = new IdentitySampler(seed: 9, siblingShare: 0.8);
        var first = sampler.Sample(50);
        var second = sampler.Sample(50);

        Assert.False(second[0].IsSibling);
        Assert.Empty(first.Select(i => i.Family).Intersect(second.Select(i => i.Family)));
    }
}
