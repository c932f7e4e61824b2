using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VfeTps.Stream.FrameIngest.Cameras;
using VfeTps.Stream.FrameIngest.Registry;

namespace VfeTps.Stream.FrameIngest.Hosting;

/// <summary>Starts a worker for every registered camera when the host starts, and stops them all when it stops.</summary>
public sealed class CameraStartupService(CameraRegistry registry, CameraSupervisor supervisor, ILogger<CameraStartupService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var cameras = registry.Specs();
        FrameIngestLog.StartingRegistered(logger, cameras.Count);
        foreach (var camera in cameras)
        {
            try
            {
                await supervisor.StartAsync(camera, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One bad row must not keep the other cameras (or the host) from starting.
                FrameIngestLog.StartFailed(logger, camera.Id, StreamSourceMask.MaskText(e.Message, camera.Source));
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => supervisor.StopAllAsync();
}
