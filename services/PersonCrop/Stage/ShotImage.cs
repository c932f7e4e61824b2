using OpenCvSharp;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.PersonCrop.Cropping;

namespace VfeTps.Stream.PersonCrop.Stage;

/// <summary>
/// The pixels a (possible) shot needs once its frame is gone: a copy of the crop region (the box
/// plus the crop margin, clamped to the frame; a few KB) and its <see cref="ShotFrame"/>.
/// </summary>
internal sealed class ShotImage
{
    private readonly byte[] _cropBgr;

    private ShotImage(BoundingBox box, BoundingBox region, byte[] cropBgr, ShotFrame frame)
    {
        Box = box;
        Region = region;
        _cropBgr = cropBgr;
        Frame = frame;
    }

    /// <summary>The person's box in the frame.</summary>
    public BoundingBox Box { get; }

    /// <summary>Where the crop is cut; empty when the box lies outside the frame.</summary>
    public BoundingBox Region { get; }

    public ShotFrame Frame { get; }

    /// <summary>Bytes of the crop copy (the frame is counted once per frame by its owner).</summary>
    public long CropBytes => _cropBgr.LongLength;

    /// <summary>Copies the crop region of <paramref name="frame"/> (row by row: packed BGR24).</summary>
    public static ShotImage Capture(VideoFrame frame, BoundingBox box, double cropMargin, ShotFrame shared)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var region = CropGeometry.WithMargin(box, cropMargin, frame.Width, frame.Height);
        var rowBytes = region.Width * 3;
        var pixels = new byte[region.Area * 3];
        for (var row = 0; row < region.Height && rowBytes > 0; row++)
            Array.Copy(frame.Bgr, ((region.Y + row) * frame.Stride) + (region.X * 3), pixels, row * rowBytes, rowBytes);
        return new ShotImage(box, region, pixels, shared);
    }

    /// <summary>The crop as JPEG.</summary>
    /// <exception cref="InvalidOperationException">The box lies outside the frame: there is nothing to crop.</exception>
    public byte[] EncodeCrop(int jpegQuality)
    {
        if (Region.Area == 0)
            throw new InvalidOperationException($"The box {Box} lies outside the {Frame.Width}×{Frame.Height} frame.");
        using var crop = Mat.FromPixelData(Region.Height, Region.Width, MatType.CV_8UC3, _cropBgr);
        return JpegEncoding.Encode(crop, jpegQuality);
    }
}
