using OpenCvSharp;

namespace VfeTps.Stream.PersonCrop.Cropping;

/// <summary>JPEG encoding of BGR images (OpenCV's libjpeg).</summary>
public static class JpegEncoding
{
    public static byte[] Encode(Mat image, int quality)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        if (image.Empty())
            throw new ArgumentException("An empty image cannot be encoded.", nameof(image));
        Cv2.ImEncode(".jpg", image, out var bytes, new ImageEncodingParam(ImwriteFlags.JpegQuality, quality));
        if (bytes.Length == 0)
            throw new InvalidOperationException($"OpenCV could not encode a {image.Width}×{image.Height} image as JPEG.");
        return bytes;
    }
}
