using System.Diagnostics;
using OpenCvSharp;

namespace VfeTps.Stream.FrameIngest.Tests.Support;

/// <summary>Small videos the tests make themselves.</summary>
internal static class TestVideos
{
    /// <summary>Grey level of frame i in <see cref="WriteNumberedAvi"/>: frames can be told apart after decoding.</summary>
    public static int GreyOf(int frameIndex) => (frameIndex * 4) % 256;

    /// <summary>An MJPG AVI whose frame i is uniformly grey at <see cref="GreyOf"/>(i) (OpenCV's own AVI writer).</summary>
    public static string WriteNumberedAvi(string path, int frames, double fps, int width = 160, int height = 120)
    {
        using (var writer = new VideoWriter(path, FourCC.MJPG, fps, new Size(width, height)))
        {
            Assert.True(writer.IsOpened(), $"OpenCV could not write {path}");
            for (var i = 0; i < frames; i++)
            {
                var grey = GreyOf(i);
                using var frame = new Mat(height, width, MatType.CV_8UC3, new Scalar(grey, grey, grey));
                writer.Write(frame);
            }
        }

        return path;
    }

    /// <summary>An H.264 MP4 of ffmpeg's test pattern (what the RTSP server serves).</summary>
    public static string WriteH264Mp4(string path, double seconds, int fps = 10, int width = 320, int height = 240)
    {
        var startInfo = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi",
            "-i", FormattableString.Invariant($"testsrc=size={width}x{height}:rate={fps}"),
            "-t", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", fps.ToString(System.Globalization.CultureInfo.InvariantCulture), path,
        })
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var errors = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "ffmpeg did not finish writing the test video within 60 s");
        Assert.True(process.ExitCode == 0, $"ffmpeg could not write {path}: {errors}");
        return path;
    }

    /// <summary>The first half of a file's bytes.</summary>
    public static string WriteTruncatedCopy(string source, string path)
    {
        var bytes = File.ReadAllBytes(source);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        return path;
    }

    /// <summary>Random bytes with a video file's name.</summary>
    public static string WriteRandomBytes(string path, int length = 64 * 1024)
    {
        var bytes = new byte[length];
        new Random(1234).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
