namespace VfeTps.Stream.FrameIngest.Tests.Support;

/// <summary>One H.264 test video (60 s, 320×240, 10 fps, frames numbered in their pixels) for every RTSP test of a class.</summary>
public sealed class RtspVideoFixture : IDisposable
{
    private readonly TempDirectory _temp = new();

    public RtspVideoFixture()
    {
        VideoPath = TestVideos.WriteNumberedH264Mp4(_temp.PathOf("camera.mp4"), seconds: 60);
    }

    public string VideoPath { get; }

    public void Dispose() => _temp.Dispose();
}
