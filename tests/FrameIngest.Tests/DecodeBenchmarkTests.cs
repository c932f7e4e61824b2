using VfeTps.Stream.FrameIngest.Sources;
using VfeTps.Stream.FrameIngest.Tests.Support;

namespace VfeTps.Stream.FrameIngest.Tests;

public sealed class DecodeBenchmarkTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(DecodeBackend.OpenCv)]
    [InlineData(DecodeBackend.Ffmpeg)]
    public async Task Both_backends_decode_a_file_and_report_time_per_frame(DecodeBackend backend)
    {
        var ct = TestContext.Current.CancellationToken;
        var file = TestVideos.WriteNumberedAvi(_temp.PathOf("bench.avi"), frames: 30, fps: 10, width: 320, height: 240);

        var measurement = await DecodeBenchmark.MeasureAsync(file, frames: 100, backend, ct);
        Assert.Equal(backend, measurement.Backend);
        Assert.Equal(29, measurement.Frames);
        Assert.Equal((320, 240), (measurement.Width, measurement.Height));
        Assert.True(measurement.MillisecondsPerFrame > 0 && measurement.MillisecondsPerFrame < 1000, $"{measurement.MillisecondsPerFrame} ms/frame");
        Assert.Equal(measurement.Elapsed.TotalMilliseconds / 29, measurement.MillisecondsPerFrame, 6);
    }

    [Fact]
    public async Task A_file_that_is_not_a_video_is_refused_by_both_backends()
    {
        var ct = TestContext.Current.CancellationToken;
        var junk = TestVideos.WriteRandomBytes(_temp.PathOf("junk.avi"));
        await Assert.ThrowsAsync<FrameSourceException>(() => DecodeBenchmark.MeasureAsync(junk, 10, DecodeBackend.OpenCv, ct));
        var error = await Assert.ThrowsAsync<FrameSourceException>(() => DecodeBenchmark.MeasureAsync(junk, 10, DecodeBackend.Ffmpeg, ct));
        Assert.Contains("exit code", error.Message, StringComparison.Ordinal);
    }
}
