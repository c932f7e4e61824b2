using VfeTps.Stream.SynthPedes;

namespace VfeTps.Stream.DemoCameras;

/// <summary>
/// Renders a demo scene: picks SynthPedes test identities, schedules their walks over the cameras, renders one
/// MJPG video and one contact frame per camera (cameras in parallel, each from its own seeds, so the bytes never
/// depend on threads), and writes the ground truth last.
/// </summary>
public static class SceneGenerator
{
    /// <summary>Renders the scene of <paramref name="options"/> into <paramref name="folder"/>, replacing any scene there.</summary>
    /// <param name="folder">Scene folder; created when missing.</param>
    /// <param name="options">What to render; validated first.</param>
    /// <param name="progress">Told about every 1 % of frames, one call at a time, with increasing counts.</param>
    /// <param name="cancellationToken">Stops rendering; no ground truth is written then, so the folder is not a complete scene.</param>
    public static DemoScene Render(string folder, SceneOptions options, IProgress<SceneProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(folder);
        RemoveEarlierScene(folder);

        var plan = ScenePlan.Create(options);
        var walks = plan.Walks;
        var profiles = Enumerable.Range(1, options.CameraCount)
            .Select(number => CameraProfile.Create(options.Seed, number, new DegradationSettings()))
            .ToList();

        var total = options.FrameCount * options.CameraCount;
        var done = 0;
        var reported = 0;
        var reporting = new Lock();
        var step = Math.Max(1, total / 100);
        void OnFrame()
        {
            var count = Interlocked.Increment(ref done);
            if (progress is not null && (count % step == 0 || count == total))
            {
                lock (reporting)
                {
                    if (count > reported)
                    {
                        reported = count;
                        progress.Report(new SceneProgress(count, total));
                    }
                }
            }
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, options.CameraCount, parallel, i =>
        {
            var number = i + 1;
            CameraVideoWriter.Write(
                options, plan.Street, profiles[i], [.. walks.Where(w => w.CameraNumber == number)],
                Path.Combine(folder, VideoFile(options, number)), Path.Combine(folder, ContactFile(options, number)), OnFrame, cancellationToken);
        });

        var truth = new SceneGroundTruth
        {
            FormatVersion = SceneGroundTruth.CurrentFormatVersion,
            Options = options with { MaxDegreeOfParallelism = -1 },
            Cameras = [.. profiles.Select(profile => new SceneCamera(
                options.CameraId(profile.Number), profile.Number, VideoFile(options, profile.Number), ContactFile(options, profile.Number),
                options.FramesPerSecond, options.FrameWidth, options.FrameHeight, options.FrameCount,
                new FileInfo(Path.Combine(folder, VideoFile(options, profile.Number))).Length, profile.Facade))],
            Identities = plan.Identities,
            Appearances = plan.Appearances(),
        };
        truth.Write(Path.Combine(folder, SceneGroundTruth.FileName));
        return new DemoScene(folder, truth, Rendered: true);
    }

    private static string VideoFile(SceneOptions options, int number) => options.CameraId(number) + ".avi";

    private static string ContactFile(SceneOptions options, int number) => options.CameraId(number) + ".png";

    /// <summary>
    /// Deletes the ground truth first (the folder stops being a complete scene), then the files an earlier scene
    /// listed, so a scene with fewer cameras leaves no stale videos behind.
    /// </summary>
    private static void RemoveEarlierScene(string folder)
    {
        var truthPath = Path.Combine(folder, SceneGroundTruth.FileName);
        if (!File.Exists(truthPath))
        {
            return;
        }

        SceneGroundTruth? earlier = null;
        try
        {
            earlier = SceneGroundTruth.Read(truthPath);
        }
        catch (InvalidDataException)
        {
            // Unreadable: nothing to learn about its files.
        }

        File.Delete(truthPath);
        foreach (var camera in earlier?.Cameras ?? [])
        {
            foreach (var file in new[] { camera.File, camera.ContactFrame })
            {
                // Only plain names inside the folder, whatever the file claims.
                if (Path.GetFileName(file) == file)
                {
                    File.Delete(Path.Combine(folder, file));
                }
            }
        }
    }
}
