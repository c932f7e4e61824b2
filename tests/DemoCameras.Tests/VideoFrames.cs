using OpenCvSharp;

namespace VfeTps.Stream.DemoCameras.Tests;

/// <summary>Reads frames of a video with OpenCV, sequentially (no seeking), as packed BGR bytes.</summary>
internal static class VideoFrames
{
    /// <summary>The frames with the given numbers.</summary>
    public static Dictionary<int, byte[]> Read(string path, IEnumerable<int> frames)
    {
        var wanted = frames.ToHashSet();
        var result = new Dictionary<int, byte[]>();
        using var capture = new VideoCapture(path);
        Assert.True(capture.IsOpened(), $"OpenCV cannot open {path}");
        using var mat = new Mat();
        for (var index = 0; result.Count < wanted.Count && capture.Read(mat) && !mat.Empty(); index++)
        {
            if (wanted.Contains(index))
            {
                result[index] = Bytes(mat);
            }
        }

        Assert.Equal(wanted.Count, result.Count);
        return result;
    }

    /// <summary>The per-pixel median of every <paramref name="every"/>-th frame: the static street without passers-by.</summary>
    public static byte[] MedianBackground(string path, int every)
    {
        var samples = new List<byte[]>();
        using (var capture = new VideoCapture(path))
        using (var mat = new Mat())
        {
            for (var index = 0; capture.Read(mat) && !mat.Empty(); index++)
            {
                if (index % every == 0)
                {
                    samples.Add(Bytes(mat));
                }
            }
        }

        var median = new byte[samples[0].Length];
        var values = new byte[samples.Count];
        for (var i = 0; i < median.Length; i++)
        {
            for (var s = 0; s < samples.Count; s++)
            {
                values[s] = samples[s][i];
            }

            Array.Sort(values);
            median[i] = values[values.Length / 2];
        }

        return median;
    }

    private static byte[] Bytes(Mat mat)
    {
        Assert.Equal(MatType.CV_8UC3, mat.Type());
        var bytes = new byte[mat.Rows * mat.Cols * 3];
        using var continuous = mat.IsContinuous() ? null : mat.Clone();
        System.Runtime.InteropServices.Marshal.Copy((continuous ?? mat).Data, bytes, 0, bytes.Length);
        return bytes;
    }
}
