using SkiaSharp;

namespace VfeTps.Stream.SynthPedes;

/// <summary>RGB values of the named colours; the renderer, the tests and later evaluations share them.</summary>
public static class Palette
{
    /// <summary>All clothing colours, in enum order.</summary>
    public static IReadOnlyList<ClothingColor> ClothingColors { get; } = Enum.GetValues<ClothingColor>();

    public static SKColor Of(ClothingColor color) => color switch
    {
        ClothingColor.Red => new SKColor(196, 32, 38),
        ClothingColor.Orange => new SKColor(238, 124, 24),
        ClothingColor.Yellow => new SKColor(242, 206, 44),
        ClothingColor.Green => new SKColor(44, 138, 64),
        ClothingColor.Blue => new SKColor(42, 104, 206),
        ClothingColor.Navy => new SKColor(28, 38, 92),
        ClothingColor.Purple => new SKColor(112, 52, 150),
        ClothingColor.Pink => new SKColor(238, 142, 180),
        ClothingColor.Brown => new SKColor(112, 70, 40),
        ClothingColor.Grey => new SKColor(136, 136, 140),
        ClothingColor.Black => new SKColor(28, 28, 32),
        ClothingColor.White => new SKColor(238, 238, 232),
        ClothingColor.Beige => new SKColor(214, 194, 152),
        _ => throw new ArgumentOutOfRangeException(nameof(color), color, null),
    };

    public static SKColor Of(SkinTone tone) => tone switch
    {
        SkinTone.Light => new SKColor(246, 214, 192),
        SkinTone.Fair => new SKColor(230, 188, 156),
        SkinTone.Medium => new SKColor(204, 154, 112),
        SkinTone.Olive => new SKColor(180, 136, 92),
        SkinTone.Brown => new SKColor(138, 94, 60),
        SkinTone.Dark => new SKColor(88, 58, 40),
        _ => throw new ArgumentOutOfRangeException(nameof(tone), tone, null),
    };

    public static SKColor Of(HairColor color) => color switch
    {
        HairColor.Black => new SKColor(24, 22, 22),
        HairColor.DarkBrown => new SKColor(60, 38, 24),
        HairColor.Brown => new SKColor(112, 72, 38),
        HairColor.Blonde => new SKColor(222, 186, 112),
        HairColor.Auburn => new SKColor(150, 60, 28),
        HairColor.Grey => new SKColor(170, 170, 168),
        _ => throw new ArgumentOutOfRangeException(nameof(color), color, null),
    };
}
