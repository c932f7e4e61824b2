using SkiaSharp;

namespace VfeTps.Stream.Preprocessing;

/// <summary>Encodes an <see cref="RgbImage"/> through SkiaSharp, which has no 3-byte pixel type, via an opaque RGBA copy.</summary>
internal static class SkiaImageEncoder
{
    public static byte[] Encode(RgbImage image, SKEncodedImageFormat format, int quality)
    {
        var pixelCount = image.Width * image.Height;
        var rgba = new byte[pixelCount * 4];
        var rgb = image.Pixels;
        for (int source = 0, target = 0; source < rgb.Length; source += ImageGeometry.Channels, target += 4)
        {
            rgba[target] = rgb[source];
            rgba[target + 1] = rgb[source + 1];
            rgba[target + 2] = rgb[source + 2];
            rgba[target + 3] = byte.MaxValue;
        }

        var info = new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var skiaImage = SKImage.FromPixelCopy(info, rgba, image.Width * 4)
            ?? throw new InvalidOperationException($"SkiaSharp could not wrap a {image.Width}×{image.Height} image for encoding.");
        using var encoded = skiaImage.Encode(format, quality)
            ?? throw new InvalidOperationException($"SkiaSharp could not encode a {image.Width}×{image.Height} image as {format}.");
        return encoded.ToArray();
    }
}
