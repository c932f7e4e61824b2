namespace VfeTps.Stream.Contracts;

/// <summary>
/// One decoded frame as packed BGR24 rows (no padding): the layout OpenCV's Mat and ffmpeg's
/// <c>-pix_fmt bgr24</c> both produce, so neither decoder pays for a conversion.
/// </summary>
public sealed class VideoFrame
{
    public VideoFrame(int width, int height, byte[] bgr)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(bgr);
        if (bgr.Length != (long)width * height * 3)
        {
            throw new ArgumentException($"A {width}×{height} BGR24 frame needs {(long)width * height * 3} bytes, not {bgr.Length}.", nameof(bgr));
        }

        Width = width;
        Height = height;
        Bgr = bgr;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Packed BGR24 pixels, row after row (stride = 3 × width).</summary>
    public byte[] Bgr { get; }

    public int Stride => Width * 3;
}
