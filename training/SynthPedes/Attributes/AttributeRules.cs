namespace VfeTps.Stream.SynthPedes;

/// <summary>The invariants every sampled or hand-made <see cref="PedestrianAttributes"/> must satisfy.</summary>
public static class AttributeRules
{
    /// <summary>Upper garments that have a hood to pull up.</summary>
    public static bool HasHood(UpperGarment garment) => garment is UpperGarment.Hoodie or UpperGarment.Jacket;

    /// <summary>Patterns that exist on a garment type (no logo on a coat, no checked t-shirt).</summary>
    public static bool AllowsPattern(UpperGarment garment, GarmentPattern pattern) => pattern switch
    {
        GarmentPattern.Plain => true,
        GarmentPattern.Striped => garment is UpperGarment.TShirt or UpperGarment.Shirt or UpperGarment.Sweater,
        GarmentPattern.Checked => garment is UpperGarment.Shirt or UpperGarment.Jacket or UpperGarment.LongCoat or UpperGarment.Sweater,
        GarmentPattern.Logo => garment is UpperGarment.TShirt or UpperGarment.Sweater or UpperGarment.Hoodie,
        _ => false,
    };

    /// <summary>True when nullable colours match presence and combinations are physically possible.</summary>
    public static bool IsConsistent(PedestrianAttributes a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var hatHasColor = a.Headwear is Headwear.Cap or Headwear.Beanie or Headwear.WideBrimHat;
        return (a.HairLength == HairLength.Bald) == (a.HairColor is null)
            && hatHasColor == (a.HeadwearColor is not null)
            && (a.Headwear != Headwear.Hood || HasHood(a.UpperGarment))
            && AllowsPattern(a.UpperGarment, a.UpperPattern)
            && (a.UpperPattern == GarmentPattern.Plain) == (a.PatternColor is null)
            && a.PatternColor != a.UpperColor
            && (a.Bag == BagType.None) == (a.BagColor is null)
            && !(a.Phone && a.Umbrella && a.Bag == BagType.Handbag);
    }

    /// <summary>Throws when <paramref name="a"/> breaks an invariant; used by the renderer's public entry point.</summary>
    public static void EnsureConsistent(PedestrianAttributes a)
    {
        if (!IsConsistent(a))
        {
            throw new ArgumentException($"Inconsistent pedestrian attributes: {a}", nameof(a));
        }
    }
}
