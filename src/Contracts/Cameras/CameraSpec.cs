namespace VfeTps.Stream.Contracts;

/// <summary>What an integrator registers: a camera and how to read it.</summary>
/// <param name="Id">Slug id (see <see cref="CameraIds"/>).</param>
/// <param name="Name">Display name.</param>
/// <param name="Source">A video file path, or an rtsp://, rtsps://, http:// or https:// URL (may hold credentials: never logged nor returned).</param>
/// <param name="SampleRate">Frames per second sampled from the stream (default 5).</param>
/// <param name="Detector">Person detector for this camera: "motion", "hog" or "onnx".</param>
/// <param name="Loop">For files: start again at the end (a demo camera that never ends).</param>
/// <param name="Paced">For files: deliver frames at the file's frame rate, like a live camera (otherwise as fast as decoding goes).</param>
public sealed record CameraSpec(
    string Id,
    string Name,
    string Source,
    double SampleRate = CameraSpec.DefaultSampleRate,
    string Detector = DetectorKinds.Motion,
    bool Loop = false,
    bool Paced = true)
{
    public const double DefaultSampleRate = 5;
    public const double MaxSampleRate = 30;
}
