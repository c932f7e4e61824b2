namespace VfeTps.Stream.Contracts.Tests;

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
    [InlineData("rtsp://admin:1234#5@10.0.0.7/s", "rtsp://***:***@10.0.0.7/s")]
    [InlineData("rtsp://admin:12/34@host/s", "rtsp://***:***@host/s")]
    [InlineData("rtsp://admin:pa?ss@host:554/s?channel=1", "rtsp://***:***@host:554/s?channel=1")]
    [InlineData("rtsp://us@er:p/w#d?x@[fe80::1]:554/s", "rtsp://***:***@[fe80::1]:554/s")]
    [InlineData("rtsp://admin:12/34@host", "rtsp://***:***@host")]
    [InlineData("rtsp://u:p%2F%23@host/s", "rtsp://***:***@host/s")]
    [InlineData("http://host/video?user=bob@example&password=abc", "http://host/video?user=bob@example&password=***")]
    [InlineData("http://host/p?email=a@b.example", "http://***@b.example")]
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

    [Theory]
    [InlineData("rtsp://admin:12/pw-secret@cam/s")]
    [InlineData("rtsp://admin:1234#pw-secret@cam/s")]
    [InlineData("rtsp://admin:x?pw-secret@cam/s")]
    public void Text_never_shows_credentials_that_hold_an_unencoded_delimiter(string source)
    {
        // How a parser that ends the authority at the first '/', '#' or '?' echoes such a URL, in pieces.
        var password = source[(source.IndexOf(':', 7) + 1)..source.LastIndexOf('@')];
        var text = $"[error] {source}: 401 Unauthorized; host admin port {password[..2]}; path {password[2..]}@cam/s; tried {password}";
        var masked = StreamSourceMask.MaskText(text, source);

        Assert.DoesNotContain("pw-secret", masked, StringComparison.Ordinal);
        Assert.StartsWith("[error] rtsp://***:***@cam/s: 401 Unauthorized", masked, StringComparison.Ordinal);
        Assert.True(StreamSourceMask.HasCredentials(source));
        Assert.True(StreamSourceMask.HasAmbiguousUserInfo(source));
    }

    [Theory]
    [InlineData("rtsp://admin:p4ss@host/s", false)]
    [InlineData("rtsp://host/s", false)]
    [InlineData("rtsp://u:p%2F@host/s", false)]
    [InlineData("/videos/a@b.mp4", false)]
    [InlineData("rtsp://host/s?mail=a@b", true)]
    [InlineData("rtsp://a:b@host/s@x", true)]
    public void An_at_sign_after_the_authority_is_ambiguous(string source, bool ambiguous) =>
        Assert.Equal(ambiguous, StreamSourceMask.HasAmbiguousUserInfo(source));

    [Fact]
    public void Text_without_a_source_still_has_its_urls_masked()
    {
        Assert.Equal("failed: rtsp://***:***@h/x (refused)", StreamSourceMask.MaskText("failed: rtsp://a:b@h/x (refused)"));
        Assert.Equal(string.Empty, StreamSourceMask.MaskText(null));
    }
}
