using VfeTps.Stream.Contracts;
using VfeTps.Stream.PersonCrop.Cropping;
using VfeTps.Stream.PersonCrop.Detection;

namespace VfeTps.Stream.PersonCrop.Stage;

/// <summary>
/// One frame as the shots taken from it need it: the raw pixels while the frame is being processed,
/// then, if a shot still waits on it, only its JPEG (the bytes that will be stored anyway), encoded
/// once and shared by every track waiting on that frame. A raw 768×576 frame is 1.3 MB, its JPEG about 90 KB.
/// </summary>
internal sealed class ShotFrame(VideoFrame frame)
{
    private VideoFrame? _raw = frame;
    private byte[]? _jpeg;

    public int Width { get; } = frame.Width;

    public int Height { get; } = frame.Height;

    /// <summary>Bytes this frame keeps alive now (the raw frame is shared with the event until compressed).</summary>
    public long RetainedBytes => _jpeg?.LongLength ?? _raw!.Bgr.LongLength;

    /// <summary>Encodes the frame (once) and lets go of the raw pixels; true when this call encoded it.</summary>
    public bool Compress(int jpegQuality)
    {
        if (_raw is null)
            return false;
        using (var image = FrameMats.Wrap(_raw))
            _jpeg = JpegEncoding.Encode(image, jpegQuality);
        _raw = null;
        return true;
    }

    /// <summary>The frame as JPEG, encoding it now if it was not yet.</summary>
    public byte[] Jpeg(int jpegQuality)
    {
        Compress(jpegQuality);
        return _jpeg!;
    }
}
