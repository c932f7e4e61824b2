namespace VfeTps.Stream.FrameIngest.Tests;

public sealed class StreamSourceMaskTests
{
    [Theory]
    [InlineData("rtsp://admin:p4ss@10.0.0.7:554/Streaming/Channels/101", "rtsp://***:***@10.0.0.7:554/Streaming/Channels/101")]
    [InlineData("rtsps://onlyuser@cam.local/live", "rtsps://***@cam.local/live")]
    [InlineData("RTSP://u:p%40ss@host/x", "RTSP://***:***@host/x")]
    [InlineData("rtsp://user:pa@ss@host/x", "rtsp://***:***@host/x")]
    [InlineData("http://host/video.mjpg?user=bob&password=abc&resolution=640", "http://host/video.mjpg?user=bob&password=***&resolution=640")]
    [InlineData("https://host/s?Token=abc;api_key=def&X-Auth=ghi&sig=jkl#frag", "https://host/s?Token=***;api_key=***&X-Auth=***&sig=***#frag")]
    [InlineData("https://u:p@host/s?pwd=1", "https://***:***@host/s?pwd=***")]
    [InlineData("rtsp://10.0.0.7/stream?channel=1", "rtsp://10.0.0.7/stream?channel=1")]
    [InlineData("/var/video/lobby.mp4", "/var/video/lobby.mp4")]
    [InlineData("data/demo/vtest.avi", "data/demo/vtest.avi")]
    [InlineData("", "")]
    public void Sources_are_masked(string source, string expected)
    {
        Assert.Equal(expected, StreamSourceMask.Mask(source));
        Assert.Equal(source != expected, StreamSourceMask.HasCredentials(source));
    }

    [Fact]
    public void Text_has_every_url_masked_and_the_sources_secrets_scrubbed_wherever_they_appear()
    {
        const string source = "rtsp://admin:S3cret%21@cam:554/live?token=tok-abc";
        var text = "[error] rtsp://admin:S3cret%21@cam:554/live?token=tok-abc: 401 Unauthorized; "
            + "tried password S3cret! for admin; token tok-abc; also see http://x:y@other/";
        var masked = StreamSourceMask.MaskText(text, source);

        Assert.Equal(
            "[error] rtsp://***:***@cam:554/live?token=***: 401 Unauthorized; tried password *** for ***; token ***; also see http://***:***@other/",
            masked);
    }

    [Fact]
    public void Text_without_a_source_still_has_its_urls_masked()
    {
        Assert.Equal("failed: rtsp://***:***@h/x (refused)", StreamSourceMask.MaskText("failed: rtsp://a:b@h/x (refused)"));
        Assert.Equal(string.Empty, StreamSourceMask.MaskText(null));
    }
}
