using System.Diagnostics;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.FrameIngest.Sources;

namespace VfeTps.Stream.FrameIngest;

/// <summary>The two ways FrameIngest decodes video.</summary>
public enum DecodeBackend
{
    /// <summary>OpenCvSharp's VideoCapture (bundled FFmpeg; files only).</summary>
    OpenCv,

    /// <summary>Debian's ffmpeg as a child process piping raw BGR24 frames (files and streams).</summary>
    Ffmpeg,
}

/// <summary>How fast a source decoded: steady-state time per frame, from the first decoded frame on.</summary>
public sealed record DecodeMeasurement(DecodeBackend Backend, int Frames, int Width, int Height, TimeSpan Elapsed, TimeSpan OpenAndFirstFrame)
{
    public double MillisecondsPerFrame => Frames == 0 ? double.NaN : Elapsed.TotalMilliseconds / Frames;

    public double FramesPerSecond => Elapsed <= TimeSpan.Zero ? double.NaN : Frames / Elapsed.TotalSeconds;
}

/// <summary>
/// Measures decoding the way the camera workers decode (for the site benchmark): each frame is
/// decoded into BGR24 where a worker has it before sampling (OpenCV: a native Mat; ffmpeg: through
/// the pipe into a managed buffer). Opening and the first frame are timed separately (ffmpeg's
/// start-up would otherwise dominate short runs).
/// </summary>
public static class DecodeBenchmark
{
    /// <summary>Decodes up to <paramref name="frames"/> frames after the first one (fewer when the source ends first).</summary>
    public static async Task<DecodeMeasurement> MeasureAsync(
        string source, int frames, DecodeBackend backend, CancellationToken cancellationToken, FrameIngestOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frames);
        options ??= new FrameIngestOptions();
        var opening = Stopwatch.StartNew();
        IFrameSource reader = backend switch
        {
            DecodeBackend.OpenCv => OpenCvFileSource.Open(source),
            DecodeBackend.Ffmpeg => FfmpegStreamSource.Start(source, options),
            _ => throw new ArgumentOutOfRangeException(nameof(backend), backend, "Unknown decode backend."),
        };
        await using (reader.ConfigureAwait(false))
        {
            if (!await reader.ReadNextAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new FrameSourceException($"'{StreamSourceMask.Mask(source)}' has no frames.");
            }

            var openAndFirst = opening.Elapsed;
            var width = reader.Width;
            var height = reader.Height;
            var decoding = Stopwatch.StartNew();
            var decoded = 0;
            while (decoded < frames && await reader.ReadNextAsync(cancellationToken).ConfigureAwait(false))
            {
                decoded++;
            }

            return new DecodeMeasurement(backend, decoded, width, height, decoding.Elapsed, openAndFirst);
        }
    }
}
