using System.Buffers.Binary;
using SkiaSharp;

namespace VfeTps.Stream.Preprocessing.Tests;

public sealed class ImageFilesTests
{
    [Fact]
    public void Png_RoundTripIsLossless()
    {
        using var directory = new TempDirectory();
        var image = TestImages.Noise(17, 9, seed: 42);
        var path = directory.PathOf("noise.png");
        File.WriteAllBytes(path, ImageFiles.EncodePng(image));

        var loaded = ImageFiles.Load(path);

        Assert.Equal((17, 9), (loaded.Width, loaded.Height));
        Assert.Equal(image.Pixels, loaded.Pixels);
    }

    [Fact]
    public void Jpeg_DecodesAFileItEncodedWithinCompressionError()
    {
        using var directory = new TempDirectory();
        var image = TestImages.Gradient(64, 48);
        var path = directory.PathOf("gradient.jpg");
        var encoded = ImageFiles.EncodeJpeg(image, quality: 95);
        File.WriteAllBytes(path, encoded);

        var loaded = ImageFiles.Load(path);

        Assert.Equal(new byte[] { 0xFF, 0xD8 }, encoded[..2]); // JPEG start-of-image marker
        Assert.Equal((64, 48), (loaded.Width, loaded.Height));
        var largestError = image.Pixels.Zip(loaded.Pixels, (expected, actual) => Math.Abs(expected - actual)).Max();
        Assert.InRange(largestError, 0, 12);
    }

    [Fact]
    public void Jpeg_LowerQualityGivesASmallerFile()
    {
        var image = TestImages.Noise(32, 32, seed: 1);

        Assert.True(ImageFiles.EncodeJpeg(image, 20).Length < ImageFiles.EncodeJpeg(image, 95).Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void EncodeJpeg_RejectsQualityOutsideOneToHundred(int quality)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageFiles.EncodeJpeg(TestImages.Solid(2, 2, 1, 2, 3), quality));
    }

    [Fact]
    public void Bmp_WrittenByHand_DecodesWithChannelsAndRowsInPlace()
    {
        // A 24-bit BMP stores BGR, bottom row first, rows padded to 4 bytes: an independent check that
        // decoding neither swaps R and B nor flips the image (a PNG round trip could hide both).
        using var directory = new TempDirectory();
        var path = directory.PathOf("hand.bmp");
        byte[] bottomRowThenTopRow =
        [
            0xFF, 0x00, 0x00, 30, 20, 10, 0, 0, // blue, (10, 20, 30), padding
            0x00, 0x00, 0xFF, 0x00, 0xFF, 0x00, 0, 0, // red, green, padding
        ];
        File.WriteAllBytes(path, [.. BmpHeader(width: 2, height: 2, pixelBytes: bottomRowThenTopRow.Length), .. bottomRowThenTopRow]);

        var image = ImageFiles.Load(path);

        Assert.Equal((2, 2), (image.Width, image.Height));
        Assert.Equal(new byte[] { 255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30 }, image.Pixels);
    }

    [Fact]
    public void WebP_Decodes()
    {
        var image = TestImages.Gradient(40, 24);
        var info = new SKImageInfo(40, 24, SKColorType.Rgba8888, SKAlphaType.Opaque);
        var rgba = image.Pixels.Chunk(3).SelectMany(pixel => new[] { pixel[0], pixel[1], pixel[2], byte.MaxValue }).ToArray();
        using var skiaImage = SKImage.FromPixelCopy(info, rgba, 40 * 4);
        using var webp = skiaImage.Encode(SKEncodedImageFormat.Webp, 100);

        var decoded = ImageFiles.Decode(webp.ToArray());

        Assert.Equal((40, 24), (decoded.Width, decoded.Height));
        var largestError = image.Pixels.Zip(decoded.Pixels, (expected, actual) => Math.Abs(expected - actual)).Max();
        Assert.InRange(largestError, 0, 12);
    }

    [Fact]
    public void Decode_ReadsAnInMemoryPng()
    {
        var image = TestImages.Create(3, 2, (x, y) => ((byte)x, (byte)y, 7));

        var decoded = ImageFiles.Decode(ImageFiles.EncodePng(image));

        Assert.Equal(image.Pixels, decoded.Pixels);
    }

    private static byte[] BmpHeader(int width, int height, int pixelBytes)
    {
        var header = new byte[54];
        var span = header.AsSpan();
        span[0] = (byte)'B';
        span[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(span[2..], 54 + pixelBytes);
        BinaryPrimitives.WriteInt32LittleEndian(span[10..], 54);
        BinaryPrimitives.WriteInt32LittleEndian(span[14..], 40);
        BinaryPrimitives.WriteInt32LittleEndian(span[18..], width);
        BinaryPrimitives.WriteInt32LittleEndian(span[22..], height);
        BinaryPrimitives.WriteInt16LittleEndian(span[26..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(span[28..], 24);
        BinaryPrimitives.WriteInt32LittleEndian(span[34..], pixelBytes);
        return header;
    }
}
