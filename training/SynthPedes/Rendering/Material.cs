using SkiaSharp;

namespace VfeTps.Stream.SynthPedes;

/// <summary>What a surface is made of: a colour, an optional pattern, and how much light reaches it (far-side limbs get less).</summary>
internal readonly record struct Material(SKColor Color, GarmentPattern Pattern = GarmentPattern.Plain, SKColor PatternColor = default, float Light = 1f)
{
    public Material Dimmed(float factor) => this with { Light = Light * factor };

    /// <summary>The same material without its pattern (rib bands, collars, cuffs).</summary>
    public Material Solid(float colorScale = 1f) => new(ColorMath.Scale(Color, colorScale), Light: Light);
}
