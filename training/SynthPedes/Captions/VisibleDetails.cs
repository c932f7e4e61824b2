namespace VfeTps.Stream.SynthPedes;

/// <summary>
/// What a viewpoint lets an annotator see; captions mention nothing else. The rules follow where the renderer
/// puts things: glasses and phone are in front, a logo is on the chest, the backpack on the back, the shoulder
/// bag on the right hip, the handbag in the right hand, an umbrella in a free hand.
/// </summary>
internal sealed record VisibleDetails(
    bool Glasses,
    bool Hair,
    bool Pattern,
    bool Lower,
    BagVisibility Bag,
    bool Phone,
    bool Umbrella)
{
    /// <summary>Everything visible: for text queries written from the attributes alone.</summary>
    public static VisibleDetails All(PedestrianAttributes a) => For(a, view: null);

    public static VisibleDetails For(PedestrianAttributes a, Viewpoint? view)
    {
        var (right, left) = HandItems.For(a);
        var farHand = view switch { Viewpoint.LeftSide => right, Viewpoint.RightSide => left, _ => HandItem.None };
        var hairHidden = a.HairLength switch
        {
            HairLength.Bald => a.Headwear != Headwear.None,
            HairLength.Short => a.Headwear is Headwear.Hood or Headwear.Beanie,
            HairLength.Medium => a.Headwear == Headwear.Hood,
            _ => false,
        };
        var bag = (a.Bag, view) switch
        {
            (BagType.None, _) => BagVisibility.Hidden,
            (BagType.Backpack, Viewpoint.Front) => BagVisibility.StrapsOnly,
            (BagType.ShoulderBag, Viewpoint.LeftSide) => BagVisibility.StrapsOnly,
            (BagType.Handbag, Viewpoint.LeftSide) => BagVisibility.Hidden,
            _ => BagVisibility.Full,
        };
        return new VisibleDetails(
            Glasses: a.Glasses && view != Viewpoint.Back,
            Hair: !hairHidden,
            Pattern: a.UpperPattern != GarmentPattern.Plain && (a.UpperPattern != GarmentPattern.Logo || view is null or Viewpoint.Front),
            Lower: !(a.UpperGarment == UpperGarment.LongCoat && a.LowerGarment is LowerGarment.Shorts or LowerGarment.Skirt),
            Bag: bag,
            Phone: a.Phone && view != Viewpoint.Back,
            Umbrella: a.Umbrella && farHand != HandItem.Umbrella);
    }
}
