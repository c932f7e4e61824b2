using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using OpenCvSharp;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.FrameIngest;
using VfeTps.Stream.PersonCrop;
using VfeTps.Stream.PersonCrop.Detection;

namespace VfeTps.Stream.SiteBench.Frames;

/// <summary>
/// Decoding (OpenCvSharp's FFmpeg and the ffmpeg child process FrameIngest uses for streams) and
/// detection (each detector, on frames decoded beforehand) in milliseconds per frame.
/// </summary>
public static class FrameCostBenchmark
{
    public static async Task<IReadOnlyList<FrameCost>> RunAsync(
        IReadOnlyList<string> videos, int frames, string? onnxModelPath, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var costs = new List<FrameCost>();
        foreach (var video in videos)
        {
            var name = Path.GetFileName(video);
            foreach (var backend in Enum.GetValues<DecodeBackend>())
            {
                var measured = await DecodeBenchmark.MeasureAsync(video, frames, backend, cancellationToken).ConfigureAwait(false);
                costs.Add(Report(progress, new FrameCost("decode", backend.ToString(), name, measured.Width, measured.Height, measured.Frames, measured.MillisecondsPerFrame, null)));
            }

            var decoded = ReadFrames(video, frames);
            var kinds = onnxModelPath is null ? new[] { DetectorKinds.Motion, DetectorKinds.Hog } : DetectorKinds.All.ToArray();
            var options = new PersonCropOptions();
            options.Onnx.ModelPath = onnxModelPath;
            using var factory = new DetectorFactory(options, NullLoggerFactory.Instance);
            foreach (var kind in kinds)
            {
                using var detector = factory.Create(kind);
                var people = 0;
                var clock = Stopwatch.StartNew();
                foreach (var frame in decoded)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    people += detector.Detect(frame).Count;
                }

                var milliseconds = clock.Elapsed.TotalMilliseconds / decoded.Count;
                costs.Add(Report(progress, new FrameCost("detect", kind, name, decoded[0].Width, decoded[0].Height, decoded.Count, milliseconds, (double)people / decoded.Count)));
            }
        }

        return costs;
    }

    private static FrameCost Report(IProgress<string> progress, FrameCost cost)
    {
        progress.Report(FormattableString.Invariant(
            $"{cost.Stage} {cost.Method} on {cost.Video} ({cost.Width}×{cost.Height}): {cost.MillisecondsPerFrame:F2} ms/frame{(cost.PeoplePerFrame is { } p ? $", {p:F2} people/frame" : "")}"));
        return cost;
    }

    private static List<VideoFrame> ReadFrames(string video, int count)
    {
        using var capture = new VideoCapture(video);
        if (!capture.IsOpened())
        {
            throw new InvalidOperationException($"{video} cannot be opened.");
        }

        var frames = new List<VideoFrame>(count);
        using var mat = new Mat();
        while (frames.Count < count && capture.Read(mat) && !mat.Empty())
        {
            var bytes = new byte[mat.Width * mat.Height * 3];
            using (var copy = mat.IsContinuous() ? null : mat.Clone())
            {
                System.Runtime.InteropServices.Marshal.Copy((copy ?? mat).Data, bytes, 0, bytes.Length);
            }

            frames.Add(new VideoFrame(mat.Width, mat.Height, bytes));
        }

        return frames.Count > 0 ? frames : throw new InvalidOperationException($"{video} gave no frame.");
    }
}
