using OpenCvSharp;
using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.PersonCrop.Detection;

/// <summary>
/// Finds moving people on a fixed camera: MOG2 background subtraction, shadows removed, opening
/// (noise) and a tall closing (joins a body split into head, torso and legs), then external
/// contours kept when their box has a person-like size and aspect. Cheap (a few ms per frame)
/// but blind to people standing still for longer than the background history, and it merges
/// people walking close together. Stateful: one instance per camera, frames in order; a change
/// of frame size restarts the background model.
/// </summary>
public sealed class MotionPersonDetector : IPersonDetector
{
    private const double ForegroundLevel = 200; // MOG2 marks shadows 127 and foreground 255

    private readonly MotionDetectorOptions _options;
    private readonly Mat _mask = new();
    private readonly Mat _scaled = new();
    private BackgroundSubtractorMOG2? _subtractor;
    private Mat? _openKernel;
    private Mat? _closeKernel;
    private Size _frameSize;
    private int _framesSeen;

    public MotionPersonDetector(MotionDetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    public string Kind => DetectorKinds.Motion;

    public IReadOnlyList<PersonDetection> Detect(VideoFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ObjectDisposedException.ThrowIf(_mask.IsDisposed, this);
        using var image = FrameMats.Wrap(frame);
        var scale = _options.ProcessingWidth > 0 && frame.Width > _options.ProcessingWidth
            ? (double)_options.ProcessingWidth / frame.Width
            : 1.0;
        var input = image;
        if (scale < 1)
        {
            Cv2.Resize(image, _scaled, new Size(), scale, scale, InterpolationFlags.Area);
            input = _scaled;
        }

        EnsureModel(input.Size());
        _subtractor!.Apply(input, _mask);
        if (++_framesSeen <= _options.WarmupFrames)
            return [];

        Cv2.Threshold(_mask, _mask, ForegroundLevel, 255, ThresholdTypes.Binary);
        Cv2.MorphologyEx(_mask, _mask, MorphTypes.Open, _openKernel!);
        Cv2.MorphologyEx(_mask, _mask, MorphTypes.Close, _closeKernel!);
        Cv2.FindContours(_mask, out var contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);
        return Blobs(contours, input.Width, input.Height, scale, frame.Width, frame.Height);
    }

    public void Dispose()
    {
        _subtractor?.Dispose();
        _openKernel?.Dispose();
        _closeKernel?.Dispose();
        _mask.Dispose();
        _scaled.Dispose();
    }

    private List<PersonDetection> Blobs(Point[][] contours, int width, int height, double scale, int frameWidth, int frameHeight)
    {
        var frameArea = (double)width * height;
        var people = new List<PersonDetection>();
        foreach (var contour in contours)
        {
            var box = Cv2.BoundingRect(contour);
            var boxArea = (double)box.Width * box.Height;
            var aspect = (double)box.Height / Math.Max(1, box.Width);
            if (boxArea < _options.MinAreaFraction * frameArea || boxArea > _options.MaxAreaFraction * frameArea
                || aspect < _options.MinAspect || aspect > _options.MaxAspect)
            {
                continue;
            }

            // A filled, person-sized blob is more likely a person than a ragged or tiny one.
            var solidity = Math.Clamp(Cv2.ContourArea(contour) / boxArea, 0, 1);
            var size = Math.Min(1, box.Height / (0.25 * height));
            var score = (float)Math.Clamp((0.6 * solidity) + (0.4 * size), 0, 1);
            var frameBox = new BoundingBox(
                (int)Math.Floor(box.X / scale),
                (int)Math.Floor(box.Y / scale),
                (int)Math.Ceiling(box.Width / scale),
                (int)Math.Ceiling(box.Height / scale)).ClampTo(frameWidth, frameHeight);
            if (frameBox.Area > 0)
                people.Add(new PersonDetection(frameBox, score));
        }

        return people;
    }

    private void EnsureModel(Size size)
    {
        if (_subtractor is not null && size == _frameSize)
            return;

        _subtractor?.Dispose();
        _openKernel?.Dispose();
        _closeKernel?.Dispose();
        _subtractor = BackgroundSubtractorMOG2.Create(_options.History, _options.VarianceThreshold, detectShadows: true);
        // Kernels follow the working resolution so the same settings suit 360p and 1080p.
        var open = Math.Max(3, (size.Height / 200) | 1);
        _openKernel = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size(open, open));
        _closeKernel = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(Math.Max(3, size.Height / 80), Math.Max(5, size.Height / 30)));
        _frameSize = size;
        _framesSeen = 0;
    }
}
