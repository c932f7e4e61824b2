namespace VfeTps.Stream.SynthPedes;

/// <summary>
/// Samples distinct identities in families: a base look plus siblings that differ from another family member
/// in one or two attributes, so many identities can only be told apart by a detail (shoes, bag, pattern …).
/// Deterministic for a seed and a sequence of <see cref="Sample"/> calls; no two identities ever share a look,
/// also across calls, and a family never spans two calls (so a split keeps its look-alikes).
/// </summary>
public sealed class IdentitySampler
{
    private const int MaxFamilySize = 5;
    private const int MaxTries = 64;

    private readonly Random _random;
    private readonly double _siblingShare;
    private readonly HashSet<PedestrianAttributes> _seen = [];
    private int _families;

    /// <param name="seed">Seed of the whole sequence.</param>
    /// <param name="siblingShare">Expected share of identities that are siblings of an earlier one, in [0, 0.9].</param>
    public IdentitySampler(int seed, double siblingShare = 0.5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(siblingShare, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(siblingShare, 0.9);
        _random = new Random(SeedMixer.Mix(seed, 0x1D));
        _siblingShare = siblingShare;
    }

    /// <summary>Samples <paramref name="count"/> new identities; families start fresh in each call.</summary>
    public IReadOnlyList<SampledIdentity> Sample(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var identities = new List<SampledIdentity>(count);
        var family = new List<PedestrianAttributes>();
        while (identities.Count < count)
        {
            var sibling = family.Count is > 0 and < MaxFamilySize && _random.Chance(_siblingShare)
                ? TrySibling(family)
                : null;
            if (sibling is not null)
            {
                family.Add(sibling);
                identities.Add(new SampledIdentity(_families - 1, IsSibling: true, sibling));
                continue;
            }

            var founder = NewLook();
            family.Clear();
            family.Add(founder);
            identities.Add(new SampledIdentity(_families++, IsSibling: false, founder));
        }

        return identities;
    }

    private PedestrianAttributes NewLook()
    {
        while (true)
        {
            var look = AttributeSampler.Sample(_random);
            if (AttributeRules.IsConsistent(look) && _seen.Add(look))
            {
                return look;
            }
        }
    }

    private PedestrianAttributes? TrySibling(List<PedestrianAttributes> family)
    {
        for (var attempt = 0; attempt < MaxTries; attempt++)
        {
            var parent = _random.Pick(family);
            var changes = _random.Chance(0.6) ? 1 : 2;
            var look = parent;
            for (var i = 0; i < changes; i++)
            {
                look = SiblingMutator.Mutate(look, _random);
            }

            var distance = look.CountDifferences(parent);
            if (distance is >= 1 and <= 2 && AttributeRules.IsConsistent(look) && _seen.Add(look))
            {
                return look;
            }
        }

        return null;
    }
}
