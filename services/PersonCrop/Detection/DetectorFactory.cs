using Microsoft.Extensions.Logging;
using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.PersonCrop.Detection;

/// <summary>
/// Makes detectors from <see cref="PersonCropOptions"/>: a new motion or HOG detector per call, and
/// ONNX detectors over one shared <see cref="OnnxPersonModel"/> opened on first use (a failed open
/// is retried on the next call). Also the bench's way to time a detector:
/// <c>using var factory = new DetectorFactory(options); using var detector = factory.Create("hog");</c>.
/// </summary>
public sealed class DetectorFactory(PersonCropOptions options, ILoggerFactory? loggerFactory = null) : IPersonDetectorFactory, IDisposable
{
    private readonly Lock _gate = new();
    private OnnxPersonModel? _onnxModel;
    private bool _disposed;

    public IPersonDetector Create(string kind)
    {
        ArgumentNullException.ThrowIfNull(options);
        return kind switch
        {
            DetectorKinds.Motion => new MotionPersonDetector(options.Motion),
            DetectorKinds.Hog => new HogPersonDetector(options.Hog),
            DetectorKinds.Onnx => new OnnxPersonDetector(SharedOnnxModel(), options.Onnx),
            _ => throw new ArgumentException($"'{kind}' is not a detector kind; use one of {string.Join(", ", DetectorKinds.All)}.", nameof(kind)),
        };
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _onnxModel?.Dispose();
            _onnxModel = null;
        }
    }

    private OnnxPersonModel SharedOnnxModel()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _onnxModel ??= new OnnxPersonModel(options.Onnx, loggerFactory?.CreateLogger<OnnxPersonModel>());
        }
    }
}
