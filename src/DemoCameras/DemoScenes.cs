using System.Collections.Concurrent;

namespace VfeTps.Stream.DemoCameras;

/// <summary>
/// The entry point for a host: makes sure a folder holds the scene of some options, rendering it only when the
/// folder lacks a complete one (ground truth present, same options and format, every video of the recorded size,
/// every contact frame), so starting the demo twice does not render twice. Two processes rendering into one
/// folder at the same time are not coordinated (within one process they are).
/// </summary>
public static class DemoScenes
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> s_folders = new(StringComparer.Ordinal);

    /// <summary>Returns the complete scene of <paramref name="options"/> in <paramref name="folder"/>, rendering it first if needed.</summary>
    /// <param name="folder">Scene folder.</param>
    /// <param name="options">The scene; null for <see cref="SceneOptions.Demo"/>.</param>
    /// <param name="progress">Rendering progress (not told when nothing is rendered).</param>
    /// <param name="cancellationToken">Stops rendering; the folder then holds no complete scene.</param>
    public static async Task<DemoScene> EnsureAsync(
        string folder, SceneOptions? options = null, IProgress<SceneProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        options ??= SceneOptions.Demo;
        options.Validate();
        folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        // Callers in one process that ask for the same folder at once wait for one render instead of racing.
        var gate = s_folders.GetOrAdd(folder, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return TryOpen(folder, options)
                ?? await Task.Run(() => SceneGenerator.Render(folder, options, progress, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The complete scene of <paramref name="options"/> in <paramref name="folder"/>, or null when there is none.</summary>
    public static DemoScene? TryOpen(string folder, SceneOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(options);
        folder = Path.GetFullPath(folder);
        var truthPath = Path.Combine(folder, SceneGroundTruth.FileName);
        if (!File.Exists(truthPath))
        {
            return null;
        }

        SceneGroundTruth truth;
        try
        {
            truth = SceneGroundTruth.Read(truthPath);
        }
        catch (InvalidDataException)
        {
            return null;
        }

        var complete = truth.Options == options with { MaxDegreeOfParallelism = -1 }
            && truth.Cameras.Count == options.CameraCount
            && truth.Cameras.All(camera =>
                File.Exists(Path.Combine(folder, camera.ContactFrame))
                && new FileInfo(Path.Combine(folder, camera.File)) is { Exists: true } video
                && video.Length == camera.FileBytes);
        return complete ? new DemoScene(folder, truth, Rendered: false) : null;
    }
}
