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

    /// <summary>An H.264 MP4 of ffmpeg's test pattern.</summary>
    public static string WriteH264Mp4(string path, double seconds, int fps = 10, int width = 320, int height = 240)
    {
        RunFfmpeg(path, FormattableString.Invariant($"testsrc=size={width}x{height}:rate={fps}"), seconds, fps);
        return path;
    }

    /// <summary>
    /// An H.264 MP4 (what the RTSP server serves) whose frames carry their own number: the top half is
    /// grey level 16 + 10·(n mod 20), the bottom half 16 + 10·(n div 20 mod 20) (video range), so a
    /// decoded frame tells which frame of the stream it is (<see cref="FrameNumberOf"/>, modulo 400).
    /// </summary>
    public static string WriteNumberedH264Mp4(string path, double seconds, int fps = 10, int width = 320, int height = 240)
    {
        var half = height / 2;
        var pattern = FormattableString.Invariant(
            $@"color=c=black:s={width}x{height}:r={fps},format=yuv420p,geq=lum='if(lt(Y\,{half})\,16+10*mod(N\,20)\,16+10*mod(floor(N/20)\,20))':cb=128:cr=128");
        RunFfmpeg(path, pattern, seconds, fps);
        return path;
    }

    /// <summary>The stream frame number (modulo 400) drawn into a frame of <see cref="WriteNumberedH264Mp4"/>.</summary>
    public static int FrameNumberOf(VfeTps.Stream.Contracts.VideoFrame frame)
    {
        // Rows away from the middle, where the two halves meet inside one compressed block.
        var band = frame.Height / 6;
        var low = DigitOf(frame, 0, frame.Height / 2 - band);
        var high = DigitOf(frame, frame.Height / 2 + band, frame.Height);
        return low + (20 * high);
    }

    private static int DigitOf(VfeTps.Stream.Contracts.VideoFrame frame, int fromRow, int toRow)
    {
        var rowBytes = frame.Width * 3;
        var sum = 0L;
        for (var offset = fromRow * rowBytes; offset < toRow * rowBytes; offset++)
        {
            sum += frame.Bgr[offset];
        }

        // Video range: grey level (Y - 16) · 255 / 219 in BGR, 10 luma steps apart.
        var mean = (double)sum / ((toRow - fromRow) * rowBytes);
        return (int)Math.Round(mean / (10 * 255.0 / 219));
    }

    private static void RunFfmpeg(string path, string lavfiSource, double seconds, int fps)
    {
        var startInfo = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi", "-i", lavfiSource,
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
