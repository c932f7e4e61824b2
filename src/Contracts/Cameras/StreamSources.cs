namespace VfeTps.Stream.Contracts;

/// <summary>
/// Which reader a camera source needs: rtsp://, rtsps://, http:// and https:// go to ffmpeg (a live
/// stream; OpenCvSharp's bundled FFmpeg has no network support), anything else is a video file
/// read through OpenCvSharp.
/// </summary>
public static class StreamSources
{
    /// <summary>The URL schemes read as live network streams.</summary>
    public static IReadOnlyList<string> NetworkSchemes { get; } = ["rtsp", "rtsps", "http", "https"];

    /// <summary>True for an rtsp/rtsps/http/https URL (case-insensitive scheme).</summary>
    public static bool IsNetworkStream(string source) => SchemeOf(source) is { } scheme && NetworkSchemes.Contains(scheme);

    /// <summary>True for an RTSP URL (rtsp:// or rtsps://).</summary>
    public static bool IsRtsp(string source) => SchemeOf(source) is "rtsp" or "rtsps";

    /// <summary>The lower-case URL scheme before "://", or null when the source has none (a file path).</summary>
    public static string? SchemeOf(string? source)
    {
        if (string.IsNullOrEmpty(source))
        {
            return null;
        }

        var end = source.IndexOf("://", StringComparison.Ordinal);
        if (end <= 0 || !char.IsAsciiLetter(source[0]))
        {
            return null;
        }

        var scheme = source[..end];
        return scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.') ? scheme.ToLowerInvariant() : null;
    }
}
