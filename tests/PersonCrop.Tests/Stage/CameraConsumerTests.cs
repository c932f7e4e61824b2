using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.PersonCrop.Cameras;

namespace VfeTps.Stream.PersonCrop.Tests.Stage;

public sealed class CameraConsumerTests
{
    [Fact]
    public async Task Control_events_over_MassTransit_teach_and_unteach_each_camera_s_detector()
    {
        var token = TestContext.Current.CancellationToken;
        var cameras = new PersonCropCameras();
        var removed = new List<string>();
        cameras.Removed += removed.Add;
        await using var provider = new ServiceCollection()
            .AddSingleton(cameras)
            .AddMassTransitTestHarness(bus => bus.AddPersonCropConsumers())
            .BuildServiceProvider(validateScopes: true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        await harness.Bus.Publish(new CameraAdded(new CameraSpec("cam-a", "Gate", "gate.mp4", Detector: DetectorKinds.Hog)), token);
        await harness.Bus.Publish(new CameraAdded(new CameraSpec("cam-b", "Yard", "yard.mp4", Detector: "sift")), token);
        Assert.True(await harness.GetConsumerHarness<PersonCropCameraAddedConsumer>().Consumed.Any<CameraAdded>(m => m.Context.Message.Camera.Id == "cam-b", token));

        Assert.Equal(DetectorKinds.Hog, cameras.DetectorOf("cam-a"));
        Assert.Null(cameras.DetectorOf("cam-b")); // an unknown detector is ignored: the default applies

        await harness.Bus.Publish(new CameraRemoved("cam-a"), token);
        Assert.True(await harness.GetConsumerHarness<PersonCropCameraRemovedConsumer>().Consumed.Any<CameraRemoved>(token));

        Assert.Null(cameras.DetectorOf("cam-a"));
        Assert.Equal(["cam-a"], removed);
        Assert.False(await harness.Published.Any<Fault>(token));
    }

    [Fact]
    public void The_directory_listing_does_not_override_a_newer_control_event()
    {
        var cameras = new PersonCropCameras();
        cameras.Set(new CameraSpec("cam-a", "Gate", "gate.mp4", Detector: DetectorKinds.Onnx));

        Assert.True(cameras.SetIfAbsent(new CameraSpec("cam-a", "Gate", "gate.mp4", Detector: DetectorKinds.Motion)));
        Assert.False(cameras.Set(new CameraSpec("Bad Id", "x", "x.mp4")));

        Assert.Equal(DetectorKinds.Onnx, cameras.DetectorOf("cam-a"));
        Assert.Equal(1, cameras.Count);
    }
}
