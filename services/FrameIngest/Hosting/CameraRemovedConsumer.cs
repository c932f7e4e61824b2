using MassTransit;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.FrameIngest.Cameras;
using VfeTps.Stream.FrameIngest.Registry;

namespace VfeTps.Stream.FrameIngest.Hosting;

/// <summary>Stops a camera's worker when it is unregistered (unless it was registered again meanwhile).</summary>
public sealed class CameraRemovedConsumer(CameraRegistry registry, CameraSupervisor supervisor) : IConsumer<CameraRemoved>
{
    public async Task Consume(ConsumeContext<CameraRemoved> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (registry.FindSpec(context.Message.CameraId) is null)
        {
            await supervisor.StopAsync(context.Message.CameraId, context.CancellationToken).ConfigureAwait(false);
        }
    }
}
