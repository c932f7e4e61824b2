using VfeTps.Stream.DemoCameras;

namespace VfeTps.Stream.Pipeline.Tests;

/// <summary>
/// The small synthetic scene (2 cameras, 8 SynthPedes test identities). Rendered once into a fixed
/// folder under the temp directory and reused (EnsureAsync re-renders only an incomplete scene, and
/// concurrent callers in this process wait for one render).
/// </summary>
internal static class SmallScene
{
    public static string Folder { get; } = Path.Combine(Path.GetTempPath(), "vfetps-tests-small-scene");

    public static Task<DemoScene> EnsureAsync() =>
        DemoScenes.EnsureAsync(Folder, SceneOptions.Small, null, TestContext.Current.CancellationToken);
}
