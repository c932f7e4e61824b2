namespace VfeTps.Stream.Contracts;

/// <summary>The person detectors a camera can use.</summary>
public static class DetectorKinds
{
    /// <summary>Background subtraction and contours: cheap, for fixed cameras.</summary>
    public const string Motion = "motion";

    /// <summary>OpenCV's HOG people detector.</summary>
    public const string Hog = "hog";

    /// <summary>A YOLO-style ONNX person model (configured by path).</summary>
    public const string Onnx = "onnx";

    public static IReadOnlyList<string> All { get; } = [Motion, Hog, Onnx];

    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind);
}
