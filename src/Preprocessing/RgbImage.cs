namespace VfeTps.Stream.Preprocessing;

/// <summary>
/// An 8-bit RGB image: interleaved R, G, B bytes, row-major, rows tightly packed (no padding).
/// The one image representation that decoding, resizing and normalisation share between training
/// and serving.
/// </summary>
public sealed class RgbImage
{
    /// <summary>Wraps an RGB buffer without copying it; the image owns it from now on.</summary>
    /// <param name="width">Columns, positive.</param>
    /// <param name="height">Rows, positive.</param>
    /// <param name="pixels">Exactly <c>width × height × 3</c> bytes, R G B per pixel, row after row.</param>
    /// <exception cref="ArgumentException">The sizes are not positive or the buffer length does not match them.</exception>
    public RgbImage(int width, int height, byte[] pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ImageGeometry.Validate(width, height);
        var expected = ImageGeometry.RgbByteCount(width, height);
        if (pixels.Length != expected)
        {
            throw new ArgumentException(
                $"A {width}×{height} RGB image needs exactly {expected} bytes (width × height × 3), but the buffer has {pixels.Length}.",
                nameof(pixels));
        }

        Width = width;
        Height = height;
        Pixels = pixels;
    }

    /// <summary>Number of columns.</summary>
    public int Width { get; }

    /// <summary>Number of rows.</summary>
    public int Height { get; }

    /// <summary>The pixels: R, G, B bytes interleaved, row-major, <see cref="RowBytes"/> bytes per row.</summary>
    public byte[] Pixels { get; }

    /// <summary>Bytes in one row: <c>Width × 3</c>.</summary>
    public int RowBytes => Width * ImageGeometry.Channels;

    /// <summary>
    /// Copies a BGR buffer whose rows may be padded (an OpenCV <c>CV_8UC3</c> Mat: <c>data</c>,
    /// <c>cols</c>, <c>rows</c>, <c>step</c>) into a new, tightly packed RGB image.
    /// </summary>
    /// <param name="bgr">The buffer; at least <c>stride × (height − 1) + width × 3</c> bytes, so the last row need not be padded.</param>
    /// <param name="width">Columns, positive.</param>
    /// <param name="height">Rows, positive.</param>
    /// <param name="stride">Bytes from the start of one row to the start of the next; at least <c>width × 3</c>.</param>
    /// <exception cref="ArgumentException">The sizes, the stride or the buffer length are inconsistent.</exception>
    public static RgbImage FromBgr(ReadOnlySpan<byte> bgr, int width, int height, int stride)
    {
        ImageGeometry.Validate(width, height);
        var rowBytes = width * ImageGeometry.Channels;
        if (stride < rowBytes)
        {
            throw new ArgumentOutOfRangeException(
                nameof(stride), $"The stride ({stride} bytes) is shorter than one row of {width} BGR pixels ({rowBytes} bytes).");
        }

        var needed = ((long)stride * (height - 1)) + rowBytes;
        if (bgr.Length < needed)
        {
            throw new ArgumentException(
                $"A {width}×{height} BGR buffer with a stride of {stride} bytes needs at least {needed} bytes, but has {bgr.Length}.",
                nameof(bgr));
        }

        var pixels = new byte[ImageGeometry.RgbByteCount(width, height)];
        for (var y = 0; y < height; y++)
        {
            var source = bgr.Slice(y * stride, rowBytes);
            var target = pixels.AsSpan(y * rowBytes, rowBytes);
            for (var i = 0; i < rowBytes; i += 3)
            {
                target[i] = source[i + 2];
                target[i + 1] = source[i + 1];
                target[i + 2] = source[i];
            }
        }

        return new RgbImage(width, height, pixels);
    }
}
