using VfeTps.Stream.Contracts;
using VfeTps.Stream.DemoCameras;
using VfeTps.Stream.Host.Site;

namespace VfeTps.Stream.Host.Demo;

/// <summary>The demo cameras of some <see cref="DemoOptions"/>: the synthetic street scene (rendered if needed) and the real video when present.</summary>
/// <param name="Scene">The synthetic scene.</param>
/// <param name="Cameras">Every demo camera, looped and paced like live cameras.</param>
/// <param name="RealVideo">Where the real video was looked for.</param>
/// <param name="HasRealVideo">Whether it was there (and is among <paramref name="Cameras"/>).</param>
public sealed record DemoCameraSet(DemoScene Scene, IReadOnlyList<CameraSpec> Cameras, string RealVideo, bool HasRealVideo)
{
    /// <summary>Renders the scene when its folder lacks a complete one, and lists the cameras (used by the site and the benchmark).</summary>
    public static async Task<DemoCameraSet> EnsureAsync(DemoOptions settings, IProgress<SceneProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var scene = await DemoScenes.EnsureAsync(SitePaths.Resolve(settings.SceneDirectory), SceneOptions.Demo, progress, cancellationToken).ConfigureAwait(false);
        var cameras = scene.CameraSpecs(settings.SampleRate).ToList();
        var realVideo = SitePaths.Resolve(settings.RealVideo);
        var hasRealVideo = File.Exists(realVideo);
        if (hasRealVideo)
        {
            cameras.Add(new CameraSpec(
                settings.RealVideoCameraId, "OpenCV vtest.avi (real pedestrians)", realVideo, settings.SampleRate, settings.RealVideoDetector, Loop: true, Paced: true));
        }

        return new DemoCameraSet(scene, cameras, realVideo, hasRealVideo);
    }
}
