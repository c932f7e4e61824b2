using SkiaSharp;

namespace VfeTps.Stream.SynthPedes;

/// <summary>
/// Surface colour of a material as a shader in figure units, so stripes and checks run continuously over
/// torso, sleeves and hood, and scale with the figure.
/// </summary>
internal static class PatternShaders
{
    private const float StripePeriod = 3.1f;
    private const float CheckPeriod = 4.6f;

    public static SKShader Create(Material material) => material.Pattern switch
    {
        GarmentPattern.Striped => Bands(material.Color, material.PatternColor, new SKPoint(0, StripePeriod), 0.52f),
        GarmentPattern.Checked => Checks(material.Color, material.PatternColor),
        _ => SKShader.CreateColor(material.Color),
    };

    private static SKShader Bands(SKColor ground, SKColor band, SKPoint period, float split) => SKShader.CreateLinearGradient(
        new SKPoint(0, 0), period, [ground, ground, band, band], [0f, split, split, 1f], SKShaderTileMode.Repeat);

    private static SKShader Checks(SKColor ground, SKColor line)
    {
        // Plaid: horizontal bands, then translucent vertical bands over them, darker where they cross.
        using var rows = Bands(ground, ColorMath.Mix(ground, line, 0.7f), new SKPoint(0, CheckPeriod), 0.6f);
        using var columns = Bands(SKColors.Transparent, line.WithAlpha(150), new SKPoint(CheckPeriod, 0), 0.6f);
        return SKShader.CreateCompose(rows, columns, SKBlendMode.SrcOver);
    }
}
