using System.Runtime.InteropServices;
using OpenCvSharp;
using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.FrameIngest.Sources;

/// <summary>
/// A video file read through OpenCvSharp's VideoCapture (its bundled FFmpeg). Timestamps come
/// from the container (CAP_PROP_POS_MSEC of the frame just read). Reading is synchronous: a local
/// file does not stall, and the worker runs on its own task.
/// </summary>
internal sealed class OpenCvFileSource : IFrameSource
{
    private readonly VideoCapture _capture;
    private readonly Mat _frame = new();
    private readonly string _displayName;
    private readonly int _declaredFrameCount;
    private int _framesRead;

    private OpenCvFileSource(VideoCapture capture, string displayName)
    {
        _capture = capture;
        _displayName = displayName;
        FrameRate = capture.Fps is > 0 and < 1000 ? capture.Fps : 0;
        _declaredFrameCount = Math.Max(0, capture.FrameCount);
    }

    public bool IsLive => false;

    public double FrameRate { get; }

    public int Width => _frame.Width;

    public int Height => _frame.Height;

    public TimeSpan? Position { get; private set; }

    public string? EndProblem { get; private set; }

    /// <summary>Opens the file; throws <see cref="FrameSourceException"/> with a clear message when it is missing or not a video.</summary>
    public static OpenCvFileSource Open(string path)
    {
        var displayName = StreamSourceMask.Mask(path);
        if (!File.Exists(path))
        {
            throw new FrameSourceException($"The video file '{displayName}' does not exist.");
        }

        var capture = new VideoCapture(path, VideoCaptureAPIs.FFMPEG);
        if (!capture.IsOpened())
        {
            capture.Dispose();
            throw new FrameSourceException(
                $"The file '{displayName}' could not be opened as a video: it is damaged, truncated, not a video, or in a format OpenCV's FFmpeg cannot read.");
        }

        return new OpenCvFileSource(capture, displayName);
    }

    public ValueTask<bool> ReadNextAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        bool read;
        try
        {
            read = _capture.Read(_frame) && !_frame.Empty();
        }
        catch (OpenCVException e)
        {
            throw new FrameSourceException($"Decoding '{_displayName}' failed after {_framesRead} frames: {e.Message}", e);
        }

        if (!read)
        {
            EndProblem = TruncationProblem();
            return ValueTask.FromResult(false);
        }

        _framesRead++;
        var milliseconds = _capture.Get(VideoCaptureProperties.PosMsec);
        Position = double.IsFinite(milliseconds) && milliseconds >= 0
            ? TimeSpan.FromTicks((long)Math.Round(milliseconds * TimeSpan.TicksPerMillisecond))
            : null;
        return ValueTask.FromResult(true);
    }

    public VideoFrame CopyFrame()
    {
        var mat = _frame;
        using var converted = mat.Type() == MatType.CV_8UC3 ? null : ToBgr(mat);
        var bgr = converted ?? mat;
        var width = bgr.Width;
        var height = bgr.Height;
        var rowBytes = width * 3;
        var pixels = new byte[rowBytes * height];
        if (bgr.IsContinuous())
        {
            Marshal.Copy(bgr.Data, pixels, 0, pixels.Length);
        }
        else
        {
            for (var row = 0; row < height; row++)
            {
                Marshal.Copy(bgr.Ptr(row), pixels, row * rowBytes, rowBytes);
            }
        }

        return new VideoFrame(width, height, pixels);
    }

    public ValueTask DisposeAsync()
    {
        _frame.Dispose();
        _capture.Dispose();
        return ValueTask.CompletedTask;
    }

    private static Mat ToBgr(Mat mat)
    {
        var bgr = new Mat();
        var code = mat.Channels() switch
        {
            1 => ColorConversionCodes.GRAY2BGR,
            4 => ColorConversionCodes.BGRA2BGR,
            _ => throw new FrameSourceException($"Frames of type {mat.Type()} are not supported."),
        };
        using var eightBit = new Mat();
        var source = mat.Depth() == MatType.CV_8U ? mat : ConvertTo8Bit(mat, eightBit);
        Cv2.CvtColor(source, bgr, code);
        return bgr;
    }

    private static Mat ConvertTo8Bit(Mat mat, Mat target)
    {
        mat.ConvertTo(target, MatType.CV_8U);
        return target;
    }

    // A container announces its frame count; ending well short of it means the data stops early.
    // Counts are estimates in some containers, so a small shortfall is tolerated.
    private string? TruncationProblem()
    {
        if (_declaredFrameCount <= 0)
        {
            return null;
        }

        var tolerance = Math.Max(2, _declaredFrameCount / 50);
        return _framesRead + tolerance < _declaredFrameCount
            ? $"The file '{_displayName}' ended after {_framesRead} of its {_declaredFrameCount} frames: it is truncated or damaged."
            : null;
    }
}
