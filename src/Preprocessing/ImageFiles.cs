using SkiaSharp;

namespace VfeTps.Stream.Preprocessing;

/// <summary>
/// Reads and writes image files (JPEG, PNG, BMP, WebP, GIF through SkiaSharp). Decoding never
/// returns a partial or blank image: anything short of a complete decode is an
/// <see cref="ImageDecodeException"/>. Thread-safe.
/// </summary>
/// <remarks>
/// Like PIL's <c>Image.open(path).convert("RGB")</c> in the reference training code, decoding
/// applies no EXIF rotation and no colour management, and drops an alpha channel without blending.
/// </remarks>
public static class ImageFiles
{
    /// <summary>Reads and decodes one image file.</summary>
    /// <exception cref="ImageDecodeException">The file is missing, unreadable, empty, truncated, corrupt or not an image.</exception>
    public static RgbImage Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] encoded;
        try
        {
            encoded = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ImageDecodeException($"The image file '{path}' does not exist.", path, exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ImageDecodeException($"The image file '{path}' could not be read: {exception.Message}", path, exception);
        }

        return SkiaImageDecoder.Decode(encoded, $"The image file '{path}'", path);
    }

    /// <summary>Decodes an encoded image held in memory.</summary>
    /// <exception cref="ImageDecodeException">The buffer is empty, truncated, corrupt or not an image.</exception>
    public static RgbImage Decode(ReadOnlySpan<byte> encoded) => Decode(encoded, sourceName: null);

    /// <summary>Decodes an encoded image held in memory, naming it in error messages.</summary>
    /// <param name="encoded">The encoded bytes.</param>
    /// <param name="sourceName">Where the bytes came from (a file name, a camera frame id), for messages; null for none.</param>
    /// <exception cref="ImageDecodeException">The buffer is empty, truncated, corrupt or not an image.</exception>
    public static RgbImage Decode(ReadOnlySpan<byte> encoded, string? sourceName)
    {
        var description = sourceName is null
            ? $"The encoded image ({encoded.Length} bytes)"
            : $"The image '{sourceName}' ({encoded.Length} bytes)";
        return SkiaImageDecoder.Decode(encoded, description, filePath: null);
    }

    /// <summary>Encodes an image as a baseline JPEG.</summary>
    /// <param name="image">The image.</param>
    /// <param name="quality">JPEG quality, 1 (smallest) to 100 (best).</param>
    public static byte[] EncodeJpeg(RgbImage image, int quality)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        return SkiaImageEncoder.Encode(image, SKEncodedImageFormat.Jpeg, quality);
    }

    /// <summary>Encodes an image as a lossless PNG.</summary>
    public static byte[] EncodePng(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return SkiaImageEncoder.Encode(image, SKEncodedImageFormat.Png, quality: 100);
    }
}
