using MassTransit;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.FrameIngest.Cameras;
using VfeTps.Stream.FrameIngest.Registry;

namespace VfeTps.Stream.FrameIngest.Hosting;

/// <summary>
/// Starts a camera's worker when it is registered. The spec is read back from the registry, so an
/// announcement that arrives after the camera was removed again (control events of different
/// types may be consumed out of order) starts nothing, and neither does one for a file that has
/// already been read to its end.
/// </summary>
public sealed class CameraAddedConsumer(CameraRegistry registry, CameraSupervisor supervisor) : IConsumer<CameraAdded>
{
    public async Task Consume(ConsumeContext<CameraAdded> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (registry.Find(context.Message.Camera.Id) is { EndedHealth: null } camera)
        {
            await RegisteredCameraStarter.StartAsync(registry, supervisor, camera, context.CancellationToken).ConfigureAwait(false);
        }
    }
}
