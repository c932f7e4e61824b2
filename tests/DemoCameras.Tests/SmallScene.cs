using VfeTps.Stream.DemoCameras.Tests;

[assembly: AssemblyFixture(typeof(SmallScene))]

namespace VfeTps.Stream.DemoCameras.Tests;

/// <summary>One small scene rendered once for the whole test assembly (read-only for tests).</summary>
public sealed class SmallScene : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly Lazy<IReadOnlyDictionary<string, byte[]>> _backgrounds;

    public SmallScene()
    {
        Scene = SceneGenerator.Render(_folder.FullPath, TestScenes.Small);
        _backgrounds = new(() => Scene.GroundTruth.Cameras.ToDictionary(c => c.Id, c => VideoFrames.MedianBackground(Scene.VideoPath(c), every: 3)));
    }

    public DemoScene Scene { get; }

    public SceneGroundTruth Truth => Scene.GroundTruth;

    /// <summary>Each camera's street, estimated from the video alone: the per-pixel median of every third frame (packed BGR).</summary>
    public byte[] Background(string cameraId) => _backgrounds.Value[cameraId];

    public void Dispose() => _folder.Dispose();
}
