using SkiaSharp;

namespace VfeTps.Stream.SynthPedes;

/// <summary>Tiny colour helpers for shading and contrasting details.</summary>
internal static class ColorMath
{
    public static SKColor Scale(SKColor c, float factor) =>
        new(Clamp(c.Red * factor), Clamp(c.Green * factor), Clamp(c.Blue * factor), c.Alpha);

    public static SKColor Mix(SKColor a, SKColor b, float t) => new(
        Clamp(a.Red + ((b.Red - a.Red) * t)),
        Clamp(a.Green + ((b.Green - a.Green) * t)),
        Clamp(a.Blue + ((b.Blue - a.Blue) * t)),
        Clamp(a.Alpha + ((b.Alpha - a.Alpha) * t)));

    public static float Luma(SKColor c) => ((0.299f * c.Red) + (0.587f * c.Green) + (0.114f * c.Blue)) / 255f;

    /// <summary>A detail colour that stands out on <paramref name="c"/>: darker on light colours, lighter on dark ones.</summary>
    public static SKColor Contrast(SKColor c, float amount) =>
        Luma(c) > 0.45f ? Scale(c, 1f - amount) : Mix(c, SKColors.White, amount * 0.8f);

    public static byte Clamp(float v) => (byte)Math.Clamp(MathF.Round(v), 0f, 255f);
}
