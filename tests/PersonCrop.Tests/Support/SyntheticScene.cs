using System.Runtime.InteropServices;
using OpenCvSharp;
using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.PersonCrop.Tests.Support;

/// <summary>
/// Synthetic footage for a fixed camera: a static, textured background and person-like figures
/// (head, shirt, trousers) walking across it. The truth boxes say where each figure is.
/// </summary>
internal sealed class SyntheticScene
{
    public const int FigureWidth = 28;
    public const int FigureHeight = 96;

    /// <summary>Background frames before the first figure: MOG2 absorbs plain, slow figures while it is young.</summary>
    public const int LeadIn = 20;

    private readonly byte[] _background;

    public SyntheticScene(int width = 320, int height = 240, int seed = 7)
    {
        Width = width;
        Height = height;
        using var background = new Mat(height, width, MatType.CV_8UC3);
        var random = new Random(seed);
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                // A gentle gradient with fixed fine texture: realistic enough for MOG2 and the sharpness term.
                var i = ((y * width) + x) * 3;
                var noise = random.Next(-6, 7);
                pixels[i] = (byte)Math.Clamp(90 + (x / 8) + noise, 0, 255);
                pixels[i + 1] = (byte)Math.Clamp(110 + (y / 6) + noise, 0, 255);
                pixels[i + 2] = (byte)Math.Clamp(100 + ((x + y) / 12) + noise, 0, 255);
            }
        }

        _background = pixels;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The box a figure whose top-left corner is at (x, y) occupies.</summary>
    public static BoundingBox FigureBox(int x, int y) => new(x, y, FigureWidth, FigureHeight);

    /// <summary>A frame with figures at the given top-left corners.</summary>
    public VideoFrame Frame(params (int X, int Y)[] figures)
    {
        using var image = Mat.FromPixelData(Height, Width, MatType.CV_8UC3, (byte[])_background.Clone());
        foreach (var (x, y) in figures)
            DrawFigure(image, x, y);
        var bytes = new byte[Width * Height * 3];
        Marshal.Copy(image.Data, bytes, 0, bytes.Length);
        return new VideoFrame(Width, Height, bytes);
    }

    /// <summary>
    /// FrameCaptured events 200 ms apart: <paramref name="leadIn"/> frames of the empty scene (a fixed
    /// camera shows its background before people pass), then one figure walking by
    /// <paramref name="step"/> pixels per frame for <paramref name="frames"/> frames.
    /// </summary>
    public List<FrameCaptured> Walk(string cameraId, int frames, DateTimeOffset start, int startX = 20, int y = 70, int step = 6, int leadIn = LeadIn)
    {
        var events = new List<FrameCaptured>(leadIn + frames);
        for (var i = 0; i < leadIn + frames; i++)
        {
            var frame = i < leadIn ? Frame() : Frame((startX + (step * (i - leadIn)), y));
            events.Add(new FrameCaptured(cameraId, i, start.AddMilliseconds(200 * i), frame));
        }

        return events;
    }

    /// <summary>
    /// Where the figure of <see cref="RiseFromBottomEdge"/> is <paramref name="t"/> frames after it appears:
    /// cut off by the bottom edge for its first five frames (so its first shot is a poor one), then
    /// climbing fully into view, so a clearly better shot is found later.
    /// </summary>
    public (int X, int Y) RisingFigureAt(int t) => (40 + (6 * t), Math.Max(Height - FigureHeight - 40, Height - FigureHeight + 6 - (8 * Math.Max(0, t - 4))));

    /// <summary>
    /// <paramref name="leadIn"/> background frames, then <paramref name="frames"/> frames of a figure
    /// rising from the bottom edge (<see cref="RisingFigureAt"/>), 200 ms apart.
    /// </summary>
    public List<FrameCaptured> RiseFromBottomEdge(string cameraId, int frames, DateTimeOffset start, bool live = false, int leadIn = LeadIn)
    {
        var events = new List<FrameCaptured>(leadIn + frames);
        for (var i = 0; i < leadIn + frames; i++)
        {
            var frame = i < leadIn ? Frame() : Frame(RisingFigureAt(i - leadIn));
            events.Add(new FrameCaptured(cameraId, i, start.AddMilliseconds(200 * i), frame, live));
        }

        return events;
    }

    private static void DrawFigure(Mat image, int x, int y)
    {
        // Trousers (two legs), shirt, head: 96 px tall, 28 px wide.
        Cv2.Rectangle(image, new Rect(x + 3, y + 52, 9, 44), new Scalar(120, 40, 30), -1);
        Cv2.Rectangle(image, new Rect(x + 16, y + 52, 9, 44), new Scalar(120, 40, 30), -1);
        Cv2.Rectangle(image, new Rect(x, y + 18, FigureWidth, 36), new Scalar(30, 30, 200), -1);
        Cv2.Circle(image, new Point(x + 14, y + 9), 9, new Scalar(140, 170, 220), -1);
        // Some inner detail (buttons, a belt) so crops are not flat.
        Cv2.Line(image, new Point(x + 14, y + 20), new Point(x + 14, y + 50), new Scalar(240, 240, 240), 1);
        Cv2.Rectangle(image, new Rect(x, y + 50, FigureWidth, 3), new Scalar(20, 20, 20), -1);
    }
}
