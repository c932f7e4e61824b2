using VfeTps.Stream.DemoCameras;

namespace VfeTps.Stream.Pipeline.Tests;

/// <summary>
/// The small synthetic scene (2 cameras, 8 SynthPedes test identities), rendered once per test run
/// into a folder of this process (so parallel runs never share a half-written scene, and a changed
/// renderer is always exercised) and deleted when the process exits. Concurrent callers in this
/// process wait for one render.
/// </summary>
internal static class SmallScene
{
    public static string Folder { get; } = CreateFolder();

    public static Task<DemoScene> EnsureAsync() =>
        DemoScenes.EnsureAsync(Folder, SceneOptions.Small, null, TestContext.Current.CancellationToken);

    private static string CreateFolder()
    {
        var folder = Directory.CreateTempSubdirectory("vfetps-tests-small-scene-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Best effort, like TempDirectory.
            }
        };
        return folder;
    }
}
