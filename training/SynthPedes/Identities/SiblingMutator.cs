namespace VfeTps.Stream.SynthPedes;

/// <summary>
/// Makes a near-duplicate of a look by changing one visible detail: shoes, bag, a garment's colour or type,
/// pattern, headwear, glasses, … The details weighted highest are the ones the paper's Fig. 1 says matter.
/// The result may break an invariant; <see cref="IdentitySampler"/> checks and retries.
/// </summary>
internal static class SiblingMutator
{
    private enum Change
    {
        ShoeColor, BagColor, BagType, UpperColor, LowerColor, UpperGarment, LowerGarment, Pattern, PatternColor,
        Headwear, HeadwearColor, Glasses, Scarf, HairLength, HairColor, Phone, Umbrella,
    }

    public static PedestrianAttributes Mutate(PedestrianAttributes a, Random random)
    {
        var change = random.PickWeighted<Change>([
            (Change.ShoeColor, 5), (Change.BagColor, 3), (Change.BagType, 4), (Change.UpperColor, 4), (Change.LowerColor, 4),
            (Change.UpperGarment, 3), (Change.LowerGarment, 3), (Change.Pattern, 3), (Change.PatternColor, 1),
            (Change.Headwear, 3), (Change.HeadwearColor, 1), (Change.Glasses, 3), (Change.Scarf, 2),
            (Change.HairLength, 2), (Change.HairColor, 1), (Change.Phone, 1), (Change.Umbrella, 1)]);
        return change switch
        {
            Change.ShoeColor => a with { ShoeColor = AttributeSampler.ColorOtherThan(random, a.ShoeColor) },
            Change.BagColor when a.BagColor is { } bagColor => a with { BagColor = AttributeSampler.ColorOtherThan(random, bagColor) },
            Change.BagType => WithBag(a, random),
            Change.UpperColor => a with { UpperColor = AttributeSampler.ColorOtherThan(random, a.UpperColor) },
            Change.LowerColor => a with { LowerColor = AttributeSampler.ColorOtherThan(random, a.LowerColor) },
            Change.UpperGarment => a with { UpperGarment = Other(random, a.UpperGarment) },
            Change.LowerGarment => a with { LowerGarment = Other(random, a.LowerGarment) },
            Change.Pattern => WithPattern(a, random),
            Change.PatternColor when a.PatternColor is { } patternColor => a with { PatternColor = AttributeSampler.ColorOtherThan(random, patternColor) },
            Change.Headwear => WithHeadwear(a, random),
            Change.HeadwearColor when a.HeadwearColor is { } hatColor => a with { HeadwearColor = AttributeSampler.ColorOtherThan(random, hatColor) },
            Change.Glasses => a with { Glasses = !a.Glasses },
            Change.Scarf => a with { ScarfColor = a.ScarfColor is null ? AttributeSampler.Color(random) : null },
            Change.HairLength => WithHair(a, random),
            Change.HairColor when a.HairColor is { } hair => a with { HairColor = Other(random, hair) },
            Change.Phone => a with { Phone = !a.Phone },
            Change.Umbrella => a with { Umbrella = !a.Umbrella },
            _ => a with { ShoeColor = AttributeSampler.ColorOtherThan(random, a.ShoeColor) },
        };
    }

    private static PedestrianAttributes WithBag(PedestrianAttributes a, Random random)
    {
        var bag = Other(random, a.Bag);
        return a with { Bag = bag, BagColor = bag == BagType.None ? null : a.BagColor ?? AttributeSampler.Color(random) };
    }

    private static PedestrianAttributes WithPattern(PedestrianAttributes a, Random random)
    {
        var pattern = Other(random, a.UpperPattern);
        ClothingColor? color = pattern == GarmentPattern.Plain ? null : a.PatternColor ?? AttributeSampler.ColorOtherThan(random, a.UpperColor);
        return a with { UpperPattern = pattern, PatternColor = color };
    }

    private static PedestrianAttributes WithHeadwear(PedestrianAttributes a, Random random)
    {
        var headwear = Other(random, a.Headwear);
        ClothingColor? color = headwear is Headwear.None or Headwear.Hood ? null : a.HeadwearColor ?? AttributeSampler.Color(random);
        return a with { Headwear = headwear, HeadwearColor = color };
    }

    private static PedestrianAttributes WithHair(PedestrianAttributes a, Random random)
    {
        var length = Other(random, a.HairLength);
        HairColor? color = length == HairLength.Bald ? null : a.HairColor ?? HairColor.Black;
        return a with { HairLength = length, HairColor = color };
    }

    private static T Other<T>(Random random, T current)
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>().Where(value => !value.Equals(current)).ToArray();
        return random.Pick(values);
    }
}
