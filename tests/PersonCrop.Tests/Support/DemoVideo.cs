using System.Runtime.InteropServices;
using OpenCvSharp;
using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.PersonCrop.Tests.Support;

/// <summary>Frames of data/demo/vtest.avi (OpenCV's pedestrian sample, extracted by scripts/setup.sh).</summary>
internal static class DemoVideo
{
    public static string? Path { get; } = Find();

    /// <summary>Skips the calling test, saying why, when the video is not on this machine.</summary>
    public static string RequirePath()
    {
        if (Path is null)
            Assert.Skip("data/demo/vtest.avi is missing: run scripts/setup.sh to extract it from Debian's opencv-doc.");
        return Path;
    }

    /// <summary>Decodes the first <paramref name="count"/> frames, keeping those <paramref name="keep"/> selects.</summary>
    public static List<VideoFrame> Frames(int count, Func<int, bool>? keep = null)
    {
        using var capture = new VideoCapture(RequirePath());
        Assert.True(capture.IsOpened(), $"OpenCV could not open {Path}.");
        using var mat = new Mat();
        var frames = new List<VideoFrame>();
        for (var i = 0; i < count && capture.Read(mat) && !mat.Empty(); i++)
        {
            if (keep is null || keep(i))
                frames.Add(ToFrame(mat));
        }

        return frames;
    }

    public static VideoFrame ToFrame(Mat bgr)
    {
        using var continuous = bgr.Clone(); // a clone is continuous: rows without padding
        var bytes = new byte[continuous.Width * continuous.Height * 3];
        Marshal.Copy(continuous.Data, bytes, 0, bytes.Length);
        return new VideoFrame(continuous.Width, continuous.Height, bytes);
    }

    private static string? Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "VfeTps.Stream.sln")))
            {
                var video = System.IO.Path.Combine(directory.FullName, "data", "demo", "vtest.avi");
                return File.Exists(video) ? video : null;
            }
        }

        return null;
    }
}
