using VfeTps.Stream.DemoCameras;

namespace VfeTps.Stream.Browser.Tests;

/// <summary>
/// The small synthetic scene (2 cameras of 30 s, 8 people), rendered once per test run into a folder of
/// this process and deleted when the process exits.
/// </summary>
internal static class SmallScene
{
    private static readonly string Folder = CreateFolder();

    public static Task<DemoScene> EnsureAsync() =>
        DemoScenes.EnsureAsync(Folder, SceneOptions.Small, null, TestContext.Current.CancellationToken);

    private static string CreateFolder()
    {
        var folder = Directory.CreateTempSubdirectory("vfetps-browser-scene-").FullName;
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
