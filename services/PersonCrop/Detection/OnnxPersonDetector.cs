using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;
using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.PersonCrop.Detection;

/// <summary>
/// Runs a shared <see cref="OnnxPersonModel"/> on one camera's frames: letterbox to the model's
/// input (RGB, 0..1, channels first), run, keep anchors whose best class is the person class and
/// whose score passes the threshold, suppress overlaps (NMS), and map the boxes back to frame pixels.
/// Holds per-instance buffers, so one instance serves one camera; the model is not disposed with it.
/// </summary>
public sealed class OnnxPersonDetector : IPersonDetector
{
    private readonly OnnxPersonModel _model;
    private readonly OnnxDetectorOptions _options;
    private readonly float[] _input;
    private readonly byte[] _pixels;
    private readonly Mat _resized = new();
    private readonly Mat _padded = new();
    private readonly RunOptions _runOptions = new();

    public OnnxPersonDetector(OnnxPersonModel model, OnnxDetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        _model = model;
        _options = options;
        _input = new float[3 * model.InputHeight * model.InputWidth];
        _pixels = new byte[3 * model.InputHeight * model.InputWidth];
    }

    public string Kind => DetectorKinds.Onnx;

    public IReadOnlyList<PersonDetection> Detect(VideoFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ObjectDisposedException.ThrowIf(_padded.IsDisposed, this);
        var letterbox = Letterbox.For(frame.Width, frame.Height, _model.InputWidth, _model.InputHeight);
        Prepare(frame, letterbox);

        using var tensor = OrtValue.CreateTensorValueFromMemory(_input, [1, 3, _model.InputHeight, _model.InputWidth]);
        using var outputs = _model.Session.Run(_runOptions, [_model.InputName], [tensor], [_model.OutputName]);
        var shape = outputs[0].GetTensorTypeAndShape().Shape;
        var candidates = YoloOutputDecoder.PersonCandidates(outputs[0].GetTensorDataAsSpan<float>(), shape, _options.PersonClassIndex, _options.ScoreThreshold);
        var kept = NonMaximumSuppression.Apply(candidates, _options.NmsIouThreshold, _options.MaxDetections);

        var people = new List<PersonDetection>(kept.Count);
        foreach (var box in kept)
        {
            var frameBox = letterbox.ToFrame(box.X1, box.Y1, box.X2, box.Y2);
            if (frameBox.Area > 0)
                people.Add(new PersonDetection(frameBox, Math.Clamp(box.Score, 0, 1)));
        }

        return people;
    }

    public void Dispose()
    {
        _resized.Dispose();
        _padded.Dispose();
        _runOptions.Dispose();
    }

    // Letterboxed BGR bytes → planar RGB floats in 0..1.
    private void Prepare(VideoFrame frame, Letterbox letterbox)
    {
        using (var image = FrameMats.Wrap(frame))
        {
            Cv2.Resize(image, _resized, new Size(letterbox.ScaledWidth, letterbox.ScaledHeight), 0, 0, InterpolationFlags.Linear);
        }

        Cv2.CopyMakeBorder(
            _resized,
            _padded,
            letterbox.PadTop,
            letterbox.InputHeight - letterbox.ScaledHeight - letterbox.PadTop,
            letterbox.PadLeft,
            letterbox.InputWidth - letterbox.ScaledWidth - letterbox.PadLeft,
            BorderTypes.Constant,
            new Scalar(Letterbox.PadValue, Letterbox.PadValue, Letterbox.PadValue));
        Marshal.Copy(_padded.Data, _pixels, 0, _pixels.Length);

        var plane = letterbox.InputWidth * letterbox.InputHeight;
        const float toUnit = 1f / 255f;
        for (var i = 0; i < plane; i++)
        {
            _input[i] = _pixels[(3 * i) + 2] * toUnit;
            _input[plane + i] = _pixels[(3 * i) + 1] * toUnit;
            _input[(2 * plane) + i] = _pixels[3 * i] * toUnit;
        }
    }
}
