using Microsoft.Extensions.Options;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.DemoCameras;

namespace VfeTps.Stream.Host.Demo;

/// <summary>
/// Renders the synthetic street scene on first start (in the background, so the API answers at once)
/// and registers the demo cameras that are not registered yet: the synthetic streets and OpenCV's
/// vtest.avi, all looped and paced like live cameras.
/// </summary>
public sealed partial class DemoCameraSeeder(
    ICameraDirectory cameras,
    IOptions<DemoOptions> options,
    ILogger<DemoCameraSeeder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        try
        {
            foreach (var spec in await DemoSpecsAsync(settings, stoppingToken).ConfigureAwait(false))
            {
                if (await cameras.GetAsync(spec.Id, stoppingToken).ConfigureAwait(false) is null)
                {
                    await cameras.AddAsync(spec, stoppingToken).ConfigureAwait(false);
                    LogRegistered(spec.Id, spec.Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            // The demo is a convenience: the site runs on without it.
            LogFailed(exception);
        }
    }

    private async Task<IReadOnlyList<CameraSpec>> DemoSpecsAsync(DemoOptions settings, CancellationToken cancellationToken)
    {
        var lastTenth = -1;
        var progress = new Progress<SceneProgress>(p =>
        {
            // One line per tenth of the frames, not one per frame.
            var tenth = p.FramesTotal == 0 ? 10 : p.FramesDone * 10 / p.FramesTotal;
            if (tenth != Interlocked.Exchange(ref lastTenth, tenth))
            {
                LogRendering(p.FramesDone, p.FramesTotal);
            }
        });
        var demo = await DemoCameraSet.EnsureAsync(settings, progress, cancellationToken).ConfigureAwait(false);
        if (demo.Scene.Rendered)
        {
            LogRendered(demo.Scene.GroundTruth.Cameras.Count, demo.Scene.Folder);
        }

        if (!demo.HasRealVideo)
        {
            LogNoRealVideo(demo.RealVideo);
        }

        return demo.Cameras;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo camera {CameraId} registered ({Name})")]
    private partial void LogRegistered(string cameraId, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rendering the demo street scene: {Done}/{Total} frames")]
    private partial void LogRendering(int done, int total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo scene rendered: {Cameras} synthetic cameras in {Folder}")]
    private partial void LogRendered(int cameras, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path} is missing (scripts/setup.sh extracts it from Debian's opencv-doc); the real demo camera is skipped")]
    private partial void LogNoRealVideo(string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "The demo cameras could not be set up; the site runs without them")]
    private partial void LogFailed(Exception exception);
}
