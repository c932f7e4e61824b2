using MassTransit;
using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.PersonCrop.Cameras;

/// <summary>Drops a removed camera's detector and tracking state (endpoint "person-crop-camera-removed").</summary>
public sealed class PersonCropCameraRemovedConsumer(PersonCropCameras cameras) : IConsumer<CameraRemoved>
{
    public Task Consume(ConsumeContext<CameraRemoved> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Message.CameraId is { } cameraId)
            cameras.Remove(cameraId);
        return Task.CompletedTask;
    }
}
