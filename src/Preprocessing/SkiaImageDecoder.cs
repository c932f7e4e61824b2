using SkiaSharp;

namespace VfeTps.Stream.Preprocessing;

/// <summary>Decodes with SkiaSharp's codec API, which (unlike <c>SKBitmap.Decode</c>) reports truncated input instead of filling it in.</summary>
internal static class SkiaImageDecoder
{
    // Far above any camera frame; stops a forged header from asking for gigabytes.
    private const long MaxPixels = 1L << 28;

    private const int DecodedChannels = 4;

    /// <param name="encoded">The encoded bytes.</param>
    /// <param name="description">How messages name the source, e.g. "The image file '/a/b.jpg'".</param>
    /// <param name="filePath">The file, for <see cref="ImageDecodeException.FilePath"/>.</param>
    public static RgbImage Decode(ReadOnlySpan<byte> encoded, string description, string? filePath)
    {
        if (encoded.IsEmpty)
        {
            throw Fail(description, "is empty (0 bytes), not an image", filePath);
        }

        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(new SKMemoryStream(data), out var openResult)
            ?? throw Fail(
                description,
                $"is not an image in a format this decoder reads (JPEG, PNG, BMP, WebP, GIF), or its header is damaged ({openResult})",
                filePath);

        var width = codec.Info.Width;
        var height = codec.Info.Height;
        if (width <= 0 || height <= 0 || (long)width * height > MaxPixels)
        {
            throw Fail(description, $"declares an unusable size of {width}×{height} pixels", filePath);
        }

        // Unpremultiplied RGBA with no colour space: raw stored colours, no colour-management conversion.
        var target = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var result = codec.GetPixels(target, out var rgba);
        return result switch
        {
            SKCodecResult.Success => new RgbImage(width, height, DropAlpha(rgba, width * height)),
            SKCodecResult.IncompleteInput => throw Fail(description, "is truncated: the image data ends before the last row", filePath),
            SKCodecResult.ErrorInInput => throw Fail(description, "is corrupt: the compressed image data is invalid", filePath),
            _ => throw Fail(description, $"could not be decoded ({result})", filePath),
        };
    }

    private static byte[] DropAlpha(byte[] rgba, int pixelCount)
    {
        var rgb = new byte[pixelCount * ImageGeometry.Channels];
        for (int source = 0, target = 0; target < rgb.Length; source += DecodedChannels, target += ImageGeometry.Channels)
        {
            rgb[target] = rgba[source];
            rgb[target + 1] = rgba[source + 1];
            rgb[target + 2] = rgba[source + 2];
        }

        return rgb;
    }

    private static ImageDecodeException Fail(string description, string problem, string? filePath) =>
        new($"{description} {problem}.", filePath);
}
