using System.Globalization;
using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.FrameIngest.Sources;

/// <summary>
/// The ffmpeg command line that turns a source into raw BGR24 frames on stdout. ffmpeg's
/// <c>showinfo</c> filter (checksums off: it then costs nothing) prints each frame's timestamp and
/// size on stderr just before the frame's bytes are written, which gives both the pts that the
/// sampler needs and the exact chunk size to read, without a separate ffprobe connection.
/// </summary>
internal static class FfmpegArguments
{
    public static IReadOnlyList<string> For(string source, FrameIngestOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentNullException.ThrowIfNull(options);
        var timeoutMicroseconds = ((long)options.NetworkTimeout.TotalMicroseconds).ToString(CultureInfo.InvariantCulture);
        var arguments = new List<string> { "-hide_banner", "-nostdin", "-nostats", "-loglevel", "level+info" };
        if (StreamSources.IsNetworkStream(source))
        {
            // ffmpeg releases the frames it read while probing in one burst: keep probing short on live streams.
            arguments.AddRange(["-analyzeduration", ((long)options.ProbeDuration.TotalMicroseconds).ToString(CultureInfo.InvariantCulture)]);
        }

        if (StreamSources.IsRtsp(source))
        {
            // -timeout is the RTSP demuxer's socket I/O timeout (ffmpeg 5.x; it was -stimeout before).
            arguments.AddRange(["-rtsp_transport", options.RtspTransport, "-timeout", timeoutMicroseconds]);
        }
        else if (StreamSources.IsNetworkStream(source))
        {
            arguments.AddRange(["-rw_timeout", timeoutMicroseconds]);
        }

        if (options.HardwareDecoding)
        {
            arguments.AddRange(["-hwaccel", options.HardwareAccelerator]);
        }

        arguments.AddRange(["-i", source, "-map", "0:v:0", "-an", "-sn", "-dn", "-vf", "showinfo=checksum=0"]);

        // One output frame per decoded frame (no duplicates, no drops): each showinfo line matches one chunk.
        arguments.AddRange(["-fps_mode", "passthrough", "-f", "rawvideo", "-pix_fmt", "bgr24", "pipe:1"]);
        return arguments;
    }
}
