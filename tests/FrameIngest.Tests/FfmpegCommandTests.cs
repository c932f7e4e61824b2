using VfeTps.Stream.FrameIngest.Sources;

namespace VfeTps.Stream.FrameIngest.Tests;

/// <summary>The ffmpeg command line and the parsing of what ffmpeg prints.</summary>
public sealed class FfmpegCommandTests
{
    [Fact]
    public void Rtsp_uses_tcp_a_socket_timeout_and_short_probing_and_pipes_bgr24()
    {
        var arguments = FfmpegArguments.For("rtsp://cam/live", new FrameIngestOptions { NetworkTimeout = TimeSpan.FromSeconds(4) }).ToList();
        var line = string.Join(' ', arguments);
        Assert.Contains("-rtsp_transport tcp -timeout 4000000", line, StringComparison.Ordinal);
        Assert.Contains("-analyzeduration 500000", line, StringComparison.Ordinal);
        Assert.Contains("-i rtsp://cam/live", line, StringComparison.Ordinal);
        Assert.EndsWith("-f rawvideo -pix_fmt bgr24 pipe:1", line, StringComparison.Ordinal);
        Assert.DoesNotContain("-hwaccel", line, StringComparison.Ordinal);
        Assert.True(arguments.IndexOf("-rtsp_transport") < arguments.IndexOf("-i"), "input options go before -i");
    }

    [Fact]
    public void Http_uses_rw_timeout_and_hardware_decoding_is_added_when_configured()
    {
        var arguments = FfmpegArguments.For("https://cam/live.mjpg", new FrameIngestOptions { HardwareDecoding = true, HardwareAccelerator = "cuda" });
        var line = string.Join(' ', arguments);
        Assert.Contains("-rw_timeout 10000000", line, StringComparison.Ordinal);
        Assert.Contains("-hwaccel cuda -i https://cam/live.mjpg", line, StringComparison.Ordinal);
        Assert.DoesNotContain("-rtsp_transport", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_gets_no_network_options()
    {
        var line = string.Join(' ', FfmpegArguments.For("/videos/a.mp4", new FrameIngestOptions()));
        Assert.DoesNotContain("timeout", line, StringComparison.Ordinal);
        Assert.DoesNotContain("-analyzeduration", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Showinfo_lines_give_index_timestamp_and_size()
    {
        const string line = "[Parsed_showinfo_0 @ 0x564eeacc3840] [info] n:  12 pts:  108000 pts_time:1.2     pos:       -1 fmt:yuv420p sar:1/1 s:1920x1080 i:P iskey:0 type:P ";
        Assert.True(ShowInfoLine.IsShowInfo(line));
        Assert.True(ShowInfoLine.TryParseFrame(line, out var frame));
        Assert.Equal(new ShowInfoFrame(12, TimeSpan.FromSeconds(1.2), 1920, 1080), frame);

        Assert.True(ShowInfoLine.TryParseFrame("[Parsed_showinfo_0 @ 0x1] [info] n:   0 pts:NOPTS pts_time:NOPTS pos: 1 fmt:bgr24 sar:0/1 s:64x48 i:P", out var noPts));
        Assert.Null(noPts.Position);
        Assert.False(ShowInfoLine.TryParseFrame("[Parsed_showinfo_0 @ 0x1] [info]   side data - User Data Unregistered:", out _));
        Assert.Equal(12.5, ShowInfoLine.ParseFrameRate("[Parsed_showinfo_0 @ 0x1] [info] config in time_base: 1/90000, frame_rate: 25/2"));
        Assert.Equal(0, ShowInfoLine.ParseFrameRate("[Parsed_showinfo_0 @ 0x1] [info] config out time_base: 0/0, frame_rate: 0/0"));
    }

    [Fact]
    public void The_error_summary_prefers_error_lines_without_their_tags_and_masks_the_url()
    {
        var log = new FfmpegErrorLog("rtsp://admin:pw-secret@cam/live");
        log.Add("[info] Input #0, rtsp, from 'rtsp://admin:pw-secret@cam/live':");
        log.Add("[tcp @ 0x55b9c33eb8c0] [error] Connection to tcp://cam:554?timeout=0 failed: Connection refused");
        log.Add("[error] rtsp://admin:pw-secret@cam/live: Connection refused");
        log.Add("[info] Exiting normally");

        Assert.Equal("Connection to tcp://cam:554?timeout=0 failed: Connection refused | rtsp://***:***@cam/live: Connection refused", log.Summary());
        Assert.Equal("ffmpeg printed nothing", new FfmpegErrorLog("x").Summary());
    }
}
