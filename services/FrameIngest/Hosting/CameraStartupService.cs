using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.FrameIngest.Cameras;
using VfeTps.Stream.FrameIngest.Registry;

namespace VfeTps.Stream.FrameIngest.Hosting;

/// <summary>
/// Starts a worker for every registered camera when the host starts (except unlooped files that were
/// read to their end: reading them again would only index the same crops again), and stops them all
/// when it stops.
/// </summary>
public sealed class CameraStartupService(CameraRegistry registry, CameraSupervisor supervisor, ILogger<CameraStartupService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var cameras = registry.Registered();
        FrameIngestLog.StartingRegistered(logger, cameras.Count(camera => camera.EndedHealth is null));
        foreach (var camera in cameras)
        {
            if (camera.EndedHealth is not null)
            {
                FrameIngestLog.AlreadyEnded(logger, camera.Spec.Id);
                continue;
            }

            try
            {
                await RegisteredCameraStarter.StartAsync(registry, supervisor, camera, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One bad row must not keep the other cameras (or the host) from starting.
                FrameIngestLog.StartFailed(logger, camera.Spec.Id, StreamSourceMask.MaskText(e.Message, camera.Spec.Source));
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => supervisor.StopAllAsync();
}
