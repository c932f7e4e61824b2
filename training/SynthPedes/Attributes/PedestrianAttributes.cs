namespace VfeTps.Stream.SynthPedes;

/// <summary>
/// The ground truth of one identity: everything the renderer draws and the captions may mention.
/// Colours of absent things are null (no bag → no bag colour) so that two identities differ in exactly
/// the properties a person would notice; <see cref="AttributeRules.IsConsistent"/> states the invariants.
/// </summary>
public sealed record PedestrianAttributes
{
    public required BodyBuild Build { get; init; }

    public required Stature Height { get; init; }

    public required SkinTone Skin { get; init; }

    public required HairLength HairLength { get; init; }

    /// <summary>Null exactly when the pedestrian is bald.</summary>
    public required HairColor? HairColor { get; init; }

    public required Headwear Headwear { get; init; }

    /// <summary>Colour of a cap, beanie or hat; null for none and for a hood (which has the upper garment's colour).</summary>
    public required ClothingColor? HeadwearColor { get; init; }

    public required UpperGarment UpperGarment { get; init; }

    public required ClothingColor UpperColor { get; init; }

    public required GarmentPattern UpperPattern { get; init; }

    /// <summary>Second colour of stripes, checks or the logo; null exactly when the garment is plain.</summary>
    public required ClothingColor? PatternColor { get; init; }

    public required LowerGarment LowerGarment { get; init; }

    public required ClothingColor LowerColor { get; init; }

    public required ClothingColor ShoeColor { get; init; }

    public required BagType Bag { get; init; }

    /// <summary>Null exactly when there is no bag.</summary>
    public required ClothingColor? BagColor { get; init; }

    public required bool Glasses { get; init; }

    /// <summary>Colour of a scarf around the neck; null when there is none.</summary>
    public required ClothingColor? ScarfColor { get; init; }

    /// <summary>A phone held in the left hand in front of the chest.</summary>
    public required bool Phone { get; init; }

    /// <summary>A closed (always black) umbrella carried in a free hand.</summary>
    public required bool Umbrella { get; init; }

    /// <summary>How many of the properties above differ; 0 means the same look.</summary>
    public int CountDifferences(PedestrianAttributes other)
    {
        ArgumentNullException.ThrowIfNull(other);
        ReadOnlySpan<bool> same =
        [
            Build == other.Build, Height == other.Height, Skin == other.Skin,
            HairLength == other.HairLength, HairColor == other.HairColor,
            Headwear == other.Headwear, HeadwearColor == other.HeadwearColor,
            UpperGarment == other.UpperGarment, UpperColor == other.UpperColor,
            UpperPattern == other.UpperPattern, PatternColor == other.PatternColor,
            LowerGarment == other.LowerGarment, LowerColor == other.LowerColor, ShoeColor == other.ShoeColor,
            Bag == other.Bag, BagColor == other.BagColor,
            Glasses == other.Glasses, ScarfColor == other.ScarfColor, Phone == other.Phone, Umbrella == other.Umbrella,
        ];
        var count = 0;
        foreach (var equal in same)
        {
            count += equal ? 0 : 1;
        }

        return count;
    }
}
