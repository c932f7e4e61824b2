namespace VfeTps.Stream.SynthPedes;

/// <summary>Draws a fresh, consistent look from street-plausible priors (jeans are mostly blue or black, …).</summary>
internal static class AttributeSampler
{
    private static readonly (ClothingColor, int)[] AnyColor =
    [
        (ClothingColor.Red, 6), (ClothingColor.Orange, 3), (ClothingColor.Yellow, 3), (ClothingColor.Green, 5),
        (ClothingColor.Blue, 6), (ClothingColor.Navy, 7), (ClothingColor.Purple, 3), (ClothingColor.Pink, 4),
        (ClothingColor.Brown, 5), (ClothingColor.Grey, 8), (ClothingColor.Black, 10), (ClothingColor.White, 8),
        (ClothingColor.Beige, 5),
    ];

    private static readonly (ClothingColor, int)[] JeansColor =
    [
        (ClothingColor.Blue, 10), (ClothingColor.Navy, 4), (ClothingColor.Black, 5), (ClothingColor.Grey, 3),
        (ClothingColor.White, 1), (ClothingColor.Beige, 1),
    ];

    private static readonly (ClothingColor, int)[] ShoeColor =
    [
        (ClothingColor.Black, 10), (ClothingColor.White, 9), (ClothingColor.Grey, 4), (ClothingColor.Brown, 5),
        (ClothingColor.Red, 2), (ClothingColor.Blue, 2), (ClothingColor.Navy, 2), (ClothingColor.Beige, 2),
        (ClothingColor.Pink, 1), (ClothingColor.Green, 1), (ClothingColor.Yellow, 1), (ClothingColor.Orange, 1),
        (ClothingColor.Purple, 1),
    ];

    public static PedestrianAttributes Sample(Random random)
    {
        var upper = random.PickWeighted<UpperGarment>([
            (UpperGarment.TShirt, 22), (UpperGarment.Shirt, 15), (UpperGarment.Sweater, 15),
            (UpperGarment.Hoodie, 15), (UpperGarment.Jacket, 18), (UpperGarment.LongCoat, 15)]);
        var upperColor = Color(random);
        var pattern = SamplePattern(random, upper);
        var lower = random.PickWeighted<LowerGarment>([
            (LowerGarment.Trousers, 35), (LowerGarment.Jeans, 35), (LowerGarment.Shorts, 13), (LowerGarment.Skirt, 17)]);
        var hair = random.PickWeighted<HairLength>([(HairLength.Bald, 7), (HairLength.Short, 40), (HairLength.Medium, 23), (HairLength.Long, 30)]);
        var headwear = random.PickWeighted<Headwear>([
            (Headwear.None, 55), (Headwear.Cap, 14), (Headwear.Beanie, 11), (Headwear.WideBrimHat, 7), (Headwear.Hood, 13)]);
        if (headwear == Headwear.Hood && !AttributeRules.HasHood(upper))
        {
            headwear = Headwear.None;
        }

        var bag = random.PickWeighted<BagType>([(BagType.None, 35), (BagType.Backpack, 30), (BagType.ShoulderBag, 20), (BagType.Handbag, 15)]);
        var phone = random.Chance(0.15);
        return new PedestrianAttributes
        {
            Build = random.PickWeighted<BodyBuild>([(BodyBuild.Slim, 30), (BodyBuild.Average, 50), (BodyBuild.Heavy, 20)]),
            Height = random.PickWeighted<Stature>([(Stature.Short, 25), (Stature.Average, 50), (Stature.Tall, 25)]),
            Skin = random.Pick(Enum.GetValues<SkinTone>()),
            HairLength = hair,
            HairColor = hair == HairLength.Bald ? null : random.PickWeighted<HairColor>([
                (HairColor.Black, 35), (HairColor.DarkBrown, 20), (HairColor.Brown, 15),
                (HairColor.Blonde, 14), (HairColor.Auburn, 6), (HairColor.Grey, 10)]),
            Headwear = headwear,
            HeadwearColor = headwear is Headwear.None or Headwear.Hood ? null : Color(random),
            UpperGarment = upper,
            UpperColor = upperColor,
            UpperPattern = pattern,
            PatternColor = pattern == GarmentPattern.Plain ? null : ColorOtherThan(random, upperColor),
            LowerGarment = lower,
            LowerColor = lower == LowerGarment.Jeans ? random.PickWeighted<ClothingColor>(JeansColor) : Color(random),
            ShoeColor = random.PickWeighted<ClothingColor>(ShoeColor),
            Bag = bag,
            BagColor = bag == BagType.None ? null : Color(random),
            Glasses = random.Chance(0.25),
            ScarfColor = random.Chance(upper == UpperGarment.LongCoat ? 0.35 : 0.12) ? Color(random) : null,
            Phone = phone,
            Umbrella = random.Chance(0.08) && !(phone && bag == BagType.Handbag),
        };
    }

    public static ClothingColor Color(Random random) => random.PickWeighted<ClothingColor>(AnyColor);

    public static ClothingColor ColorOtherThan(Random random, ClothingColor excluded)
    {
        while (true)
        {
            var color = Color(random);
            if (color != excluded)
            {
                return color;
            }
        }
    }

    public static GarmentPattern SamplePattern(Random random, UpperGarment upper)
    {
        while (true)
        {
            var pattern = random.PickWeighted<GarmentPattern>([
                (GarmentPattern.Plain, 55), (GarmentPattern.Striped, 17), (GarmentPattern.Checked, 13), (GarmentPattern.Logo, 15)]);
            if (AttributeRules.AllowsPattern(upper, pattern))
            {
                return pattern;
            }
        }
    }
}
