namespace VfeTps.Stream.SynthPedes.Tests;

/// <summary>Hand-made looks for renderer and caption tests.</summary>
internal static class Looks
{
    /// <summary>Short hair, plain t-shirt, trousers, nothing carried: a clean torso to measure.</summary>
    public static PedestrianAttributes Plain(ClothingColor upper = ClothingColor.Red) => new()
    {
        Build = BodyBuild.Average,
        Height = Stature.Average,
        Skin = SkinTone.Medium,
        HairLength = HairLength.Short,
        HairColor = HairColor.Black,
        Headwear = Headwear.None,
        HeadwearColor = null,
        UpperGarment = UpperGarment.TShirt,
        UpperColor = upper,
        UpperPattern = GarmentPattern.Plain,
        PatternColor = null,
        LowerGarment = LowerGarment.Trousers,
        LowerColor = ClothingColor.Black,
        ShoeColor = ClothingColor.White,
        Bag = BagType.None,
        BagColor = null,
        Glasses = false,
        ScarfColor = null,
        Phone = false,
        Umbrella = false,
    };

    /// <summary>Everything a caption could mention, so visibility rules have something to hide.</summary>
    public static PedestrianAttributes Busy(BagType bag) => Plain(ClothingColor.Blue) with
    {
        HairLength = HairLength.Long,
        HairColor = HairColor.Blonde,
        UpperPattern = GarmentPattern.Logo,
        PatternColor = ClothingColor.White,
        Bag = bag,
        BagColor = ClothingColor.Orange,
        Glasses = true,
        ScarfColor = ClothingColor.Green,
        Phone = true,
        Umbrella = bag != BagType.Handbag,
    };
}
