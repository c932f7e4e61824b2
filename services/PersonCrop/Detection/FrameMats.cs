using OpenCvSharp;
using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.PersonCrop.Detection;

/// <summary>OpenCV views of frames without copying the pixels.</summary>
internal static class FrameMats
{
    /// <summary>A BGR Mat over the frame's own bytes (pinned until the Mat is disposed); never write to it.</summary>
    public static Mat Wrap(VideoFrame frame) =>
        Mat.FromPixelData(frame.Height, frame.Width, MatType.CV_8UC3, frame.Bgr, frame.Stride);
}
