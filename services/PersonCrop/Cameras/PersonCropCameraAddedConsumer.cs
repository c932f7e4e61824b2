using MassTransit;
using Microsoft.Extensions.Logging;
using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.PersonCrop.Cameras;

/// <summary>
/// Learns a new camera's detector. Named after PersonCrop so that its endpoint ("person-crop-camera-added")
/// does not compete with other services' consumers of the same event.
/// </summary>
public sealed class PersonCropCameraAddedConsumer(PersonCropCameras cameras, ILogger<PersonCropCameraAddedConsumer> logger) : IConsumer<CameraAdded>
{
    public Task Consume(ConsumeContext<CameraAdded> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var camera = context.Message.Camera;
        if (!cameras.Set(camera))
            logger.CameraSpecIgnored(camera?.Id, camera?.Detector);
        return Task.CompletedTask;
    }
}
