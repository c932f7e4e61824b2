using OpenCvSharp;
using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.PersonCrop.Detection;

/// <summary>
/// OpenCV's HOG descriptor with its default (Dalal–Triggs) people SVM. Works on moving and still
/// cameras alike but is slow (about 90 ms per 768×576 frame on two cores) and misses people
/// shorter than its 64×128 window (see <see cref="HogDetectorOptions.Scale"/>). Stateless between
/// frames; an instance is still used by one camera at a time.
/// </summary>
public sealed class HogPersonDetector : IPersonDetector
{
    private readonly HogDetectorOptions _options;
    private readonly HOGDescriptor _hog = new();
    private readonly Mat _scaled = new();

    public HogPersonDetector(HogDetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _hog.SetSVMDetector(HOGDescriptor.GetDefaultPeopleDetector());
    }

    public string Kind => DetectorKinds.Hog;

    public IReadOnlyList<PersonDetection> Detect(VideoFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ObjectDisposedException.ThrowIf(_scaled.IsDisposed, this);
        using var image = FrameMats.Wrap(frame);
        var input = image;
        var scale = _options.Scale;
        if (scale != 1)
        {
            Cv2.Resize(image, _scaled, new Size(), scale, scale, scale < 1 ? InterpolationFlags.Area : InterpolationFlags.Linear);
            input = _scaled;
        }

        if (input.Width < _hog.WinSize.Width || input.Height < _hog.WinSize.Height)
            return [];

        var stride = new Size(_options.WindowStride, _options.WindowStride);
        var found = _hog.DetectMultiScale(input, out var weights, _options.HitThreshold, stride, null, _options.PyramidScale, _options.GroupThreshold);
        var people = new List<PersonDetection>(found.Length);
        for (var i = 0; i < found.Length; i++)
        {
            // The window holds a margin around the person; OpenCV's peopledetect sample trims it like this.
            var r = found[i];
            var box = new BoundingBox(
                (int)Math.Round((r.X + (r.Width * 0.1)) / scale),
                (int)Math.Round((r.Y + (r.Height * 0.07)) / scale),
                (int)Math.Round(r.Width * 0.8 / scale),
                (int)Math.Round(r.Height * 0.8 / scale)).ClampTo(frame.Width, frame.Height);
            if (box.Area == 0)
                continue;

            // The SVM margin (about 0..3) mapped onto [0, 1).
            var weight = i < weights.Length ? weights[i] : 0;
            people.Add(new PersonDetection(box, (float)(1 - Math.Exp(-Math.Max(0, weight)))));
        }

        return people;
    }

    public void Dispose()
    {
        _hog.Dispose();
        _scaled.Dispose();
    }
}
