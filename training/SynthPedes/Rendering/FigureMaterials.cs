using SkiaSharp;

namespace VfeTps.Stream.SynthPedes;

/// <summary>The materials of one look, resolved once from the attributes.</summary>
internal sealed class FigureMaterials
{
    public FigureMaterials(PedestrianAttributes a)
    {
        Skin = new Material(Palette.Of(a.Skin));
        Hair = new Material(a.HairColor is { } hair ? Palette.Of(hair) : Palette.Of(a.Skin));
        var pattern = a.UpperPattern == GarmentPattern.Logo ? GarmentPattern.Plain : a.UpperPattern;
        Upper = new Material(Palette.Of(a.UpperColor), pattern, a.PatternColor is { } p ? Palette.Of(p) : default);
        Lower = new Material(Palette.Of(a.LowerColor));
        Shoes = new Material(Palette.Of(a.ShoeColor));
        Bag = new Material(a.BagColor is { } bag ? Palette.Of(bag) : SKColors.Black);
        Headwear = new Material(a.HeadwearColor is { } hat ? Palette.Of(hat) : Palette.Of(a.UpperColor));
        Scarf = new Material(a.ScarfColor is { } scarf ? Palette.Of(scarf) : SKColors.Black);
        var upperColor = Palette.Of(a.UpperColor);
        Inner = new Material(ColorMath.Luma(upperColor) > 0.55f ? new SKColor(60, 60, 64) : new SKColor(232, 232, 226));
    }

    public Material Skin { get; }

    public Material Hair { get; }

    public Material Upper { get; }

    public Material Lower { get; }

    public Material Shoes { get; }

    public Material Bag { get; }

    public Material Headwear { get; }

    public Material Scarf { get; }

    /// <summary>The shirt seen through an open jacket: light under dark jackets, dark under light ones.</summary>
    public Material Inner { get; }
}
