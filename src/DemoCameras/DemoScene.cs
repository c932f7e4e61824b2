using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.DemoCameras;

/// <summary>A complete demo scene on disk: its folder and its ground truth.</summary>
/// <param name="Folder">The scene folder (absolute).</param>
/// <param name="GroundTruth">Cameras, people and walks.</param>
/// <param name="Rendered">True when this call rendered the scene, false when a complete one was already there.</param>
public sealed record DemoScene(string Folder, SceneGroundTruth GroundTruth, bool Rendered)
{
    /// <summary>Absolute path of a camera's video.</summary>
    public string VideoPath(SceneCamera camera)
    {
        ArgumentNullException.ThrowIfNull(camera);
        return Path.Combine(Folder, camera.File);
    }

    /// <summary>Absolute paths of the cameras' videos, in camera order.</summary>
    public IReadOnlyList<string> VideoPaths => [.. GroundTruth.Cameras.Select(VideoPath)];

    /// <summary>
    /// The cameras as an integrator would register them: looped and paced like live cameras, with the motion
    /// detector (the street is static, so only the walkers move).
    /// </summary>
    public IReadOnlyList<CameraSpec> CameraSpecs(double sampleRate = CameraSpec.DefaultSampleRate) =>
        [.. GroundTruth.Cameras.Select(c => new CameraSpec(
            c.Id, $"Synthetic street {c.Number}", VideoPath(c), sampleRate, DetectorKinds.Motion, Loop: true, Paced: true))];
}
