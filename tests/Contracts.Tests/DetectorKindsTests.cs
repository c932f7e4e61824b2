namespace VfeTps.Stream.Contracts.Tests;

public sealed class DetectorKindsTests
{
    [Theory]
    [InlineData(DetectorKinds.Motion)]
    [InlineData(DetectorKinds.Hog)]
    [InlineData(DetectorKinds.Onnx)]
    public void The_three_detectors_are_known(string kind)
    {
        Assert.True(DetectorKinds.IsKnown(kind));
        Assert.Contains(kind, DetectorKinds.All);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Motion")] // kinds are matched exactly, as stored
    [InlineData("yolo")]
    [InlineData(" hog")]
    public void Other_names_are_unknown(string? kind)
    {
        Assert.False(DetectorKinds.IsKnown(kind));
    }

    [Fact]
    public void All_lists_each_kind_once_and_the_default_of_a_camera_is_among_them()
    {
        Assert.Equal(DetectorKinds.All.Count, DetectorKinds.All.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(3, DetectorKinds.All.Count);
        Assert.True(DetectorKinds.IsKnown(new CameraSpec("lobby", "Lobby", "lobby.mp4").Detector));
    }
}
