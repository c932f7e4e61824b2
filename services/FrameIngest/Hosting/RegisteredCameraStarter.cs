using VfeTps.Stream.FrameIngest.Cameras;
using VfeTps.Stream.FrameIngest.Registry;

namespace VfeTps.Stream.FrameIngest.Hosting;

/// <summary>
/// Starts a registered camera's worker the way the registry wants it: an unlooped file anchored at its
/// registration time, and its end recorded in the registry so that it is not read again.
/// </summary>
internal static class RegisteredCameraStarter
{
    public static Task<bool> StartAsync(CameraRegistry registry, CameraSupervisor supervisor, RegisteredCamera camera, CancellationToken cancellationToken) =>
        supervisor.StartAsync(
            camera.Spec,
            camera.AddedAt,
            health => registry.RecordEnded(camera.Spec.Id, camera.AddedAt, health),
            cancellationToken);
}
