using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.PersonCrop;

/// <summary>
/// PersonCrop's settings (configuration section <c>PersonCrop</c>, validated at start by
/// <see cref="PersonCropOptionsValidator"/>): which detector a camera gets when its spec does not
/// say, each detector's settings, the tracker, the best-shot policy, the crops and the parallelism.
/// </summary>
public sealed class PersonCropOptions
{
    public const string SectionName = "PersonCrop";

    private static readonly TimeSpan MinCameraIdleTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxCameraIdleTimeout = TimeSpan.FromDays(1);

    /// <summary>The detector for a frame whose camera is not (yet) known: "motion", "hog" or "onnx".</summary>
    public string DefaultDetector { get; set; } = DetectorKinds.Motion;

    public MotionDetectorOptions Motion { get; set; } = new();

    public HogDetectorOptions Hog { get; set; } = new();

    public OnnxDetectorOptions Onnx { get; set; } = new();

    public TrackerOptions Tracker { get; set; } = new();

    public BestShotOptions BestShots { get; set; } = new();

    /// <summary>Margin added around the person's box on every side when cutting the crop, as a fraction of the box's width and height (clamped to the frame).</summary>
    public double CropMargin { get; set; } = 0.1;

    /// <summary>JPEG quality of crops and frames (1–100).</summary>
    public int JpegQuality { get; set; } = 90;

    /// <summary>How many cameras are processed at the same time (frames of one camera are always processed in order).</summary>
    public int MaxParallelCameras { get; set; } = 2;

    /// <summary>
    /// Frames queued per camera. When the queue is full, a live frame (<see cref="FrameCaptured.Live"/>)
    /// pushes out the camera's oldest queued frame (the tracker sees a gap); a file's frame waits
    /// (backpressure towards FrameIngest).
    /// </summary>
    public int CameraQueueCapacity { get; set; } = 4;

    /// <summary>
    /// A camera that sends no frame for this long is let go: its tracks end (their last shots are
    /// emitted) and its detector and state are released; a later frame starts it afresh.
    /// </summary>
    public TimeSpan CameraIdleTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Every invalid setting, described; empty when the options are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!DetectorKinds.IsKnown(DefaultDetector))
            problems.Add($"{nameof(DefaultDetector)} must be one of {string.Join(", ", DetectorKinds.All)} (got '{DefaultDetector}').");
        if (DefaultDetector == DetectorKinds.Onnx && string.IsNullOrWhiteSpace(Onnx.ModelPath))
            problems.Add($"{nameof(DefaultDetector)} is onnx, so Onnx:{nameof(OnnxDetectorOptions.ModelPath)} must name a YOLO-style person model.");
        if (!(CropMargin is >= 0 and <= 1))
            problems.Add($"{nameof(CropMargin)} must be between 0 and 1 (got {CropMargin}).");
        if (JpegQuality is < 1 or > 100)
            problems.Add($"{nameof(JpegQuality)} must be between 1 and 100 (got {JpegQuality}).");
        if (MaxParallelCameras < 1)
            problems.Add($"{nameof(MaxParallelCameras)} must be positive (got {MaxParallelCameras}).");
        if (CameraQueueCapacity < 1)
            problems.Add($"{nameof(CameraQueueCapacity)} must be positive (got {CameraQueueCapacity}).");
        if (CameraIdleTimeout < MinCameraIdleTimeout || CameraIdleTimeout > MaxCameraIdleTimeout)
            problems.Add($"{nameof(CameraIdleTimeout)} must be between {MinCameraIdleTimeout} and {MaxCameraIdleTimeout} (got {CameraIdleTimeout}).");
        Motion.Validate(problems);
        Hog.Validate(problems);
        Onnx.Validate(problems);
        Tracker.Validate(problems);
        BestShots.Validate(problems);
        return problems;
    }
}
