using OpenCvSharp;
using SkiaSharp;
using VfeTps.Stream.SynthPedes;

namespace VfeTps.Stream.DemoCameras;

/// <summary>
/// Renders one camera's video: the static street, the people of its walks drawn far to near with a contact
/// shadow and their gait, then the camera's tone and noise; written as MJPG in AVI with OpenCV's own MJPEG
/// writer (no FFmpeg encoder involved, deterministic), which OpenCV and FFmpeg both read.
/// </summary>
internal static class CameraVideoWriter
{
    private const int StreamBackdrop = 0xBAC;
    private const int StreamNoise = 0x401;

    /// <summary>Writes the video and, from the middle third, the busiest frame as a PNG; <paramref name="onFrame"/> is called after every frame.</summary>
    public static void Write(
        SceneOptions options, StreetGeometry street, CameraProfile camera, IReadOnlyList<PlannedWalk> walks,
        string videoPath, string contactFramePath, Action onFrame, CancellationToken cancellationToken)
    {
        using var backdrop = StreetBackdrop.Draw(camera, street, SeedMixer.Create(options.Seed, StreamBackdrop, camera.Number));
        var sensor = new CameraSensor(camera, options.SensorNoise, SeedMixer.Mix(options.Seed, StreamNoise, camera.Number));
        var partial = videoPath + ".partial.avi";
        try
        {
            WriteFrames(options, street, camera, walks, partial, contactFramePath, backdrop, sensor, onFrame, cancellationToken);
            File.Move(partial, videoPath, overwrite: true);
        }
        catch
        {
            // No half-written video lingers beside a later complete scene.
            File.Delete(partial);
            throw;
        }
    }

    private static void WriteFrames(
        SceneOptions options, StreetGeometry street, CameraProfile camera, IReadOnlyList<PlannedWalk> walks,
        string partial, string contactFramePath, SKBitmap backdrop, CameraSensor sensor, Action onFrame, CancellationToken cancellationToken)
    {
        var contactFrame = ContactFrame(options, street, walks);
        using var frame = new SKBitmap(backdrop.Info);
        using var canvas = new SKCanvas(frame);
        using var bgr = new Mat();
        using (var writer = new VideoWriter(partial, VideoCaptureAPIs.OPENCV_MJPEG, FourCC.MJPG, options.FramesPerSecond, new Size(street.Width, street.Height)))
        {
            if (!writer.IsOpened())
            {
                throw new IOException($"OpenCV cannot open an MJPG writer for {partial}.");
            }

            writer.Set(VideoWriterProperties.Quality, options.JpegQuality);
            for (var index = 0; index < options.FrameCount; index++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                backdrop.GetPixelSpan().CopyTo(frame.GetPixelSpan());
                foreach (var walk in walks.Where(w => w.StartFrame <= index && index <= w.EndFrame).OrderBy(w => w.BoxAt(index).Bottom))
                {
                    var box = walk.BoxAt(index);
                    Shadow(canvas, box);
                    PedestrianRenderer.Render(canvas, walk.Person.Attributes, new PedestrianPose(walk.Path.View, walk.PhaseAt(index)), box);
                }

                canvas.Flush();
                sensor.Expose(frame.GetPixelSpan(), SeedMixer.Create(options.Seed, StreamNoise, camera.Number, index));
                using (var bgra = Mat.FromPixelData(street.Height, street.Width, MatType.CV_8UC4, frame.GetPixels(), frame.RowBytes))
                {
                    Cv2.CvtColor(bgra, bgr, ColorConversionCodes.BGRA2BGR);
                }

                writer.Write(bgr);
                if (index == contactFrame)
                {
                    using var png = frame.Encode(SKEncodedImageFormat.Png, 100);
                    File.WriteAllBytes(contactFramePath, png.ToArray());
                }

                onFrame();
            }
        }
    }

    /// <summary>The frame shown on the contact sheet: the busiest one in the middle third of the video.</summary>
    private static int ContactFrame(SceneOptions options, StreetGeometry street, IReadOnlyList<PlannedWalk> walks)
    {
        var middle = options.FrameCount / 2;
        var best = middle;
        var most = -1;
        for (var index = options.FrameCount / 3; index < 2 * options.FrameCount / 3; index++)
        {
            var inView = walks.Count(w => w.StartFrame <= index && index <= w.EndFrame && PlannedWalk.Visible(w.BoxAt(index), street) is { Visible: > 0.99 });
            if (inView > most || (inView == most && Math.Abs(index - middle) < Math.Abs(best - middle)))
            {
                (best, most) = (index, inView);
            }
        }

        return best;
    }

    /// <summary>A soft contact shadow under the feet (a radial gradient, much cheaper than a blur).</summary>
    private static void Shadow(SKCanvas canvas, SKRect box)
    {
        var center = new SKPoint(box.MidX + (box.Width * 0.1f), box.Bottom - (box.Height * 0.005f));
        var radius = box.Width * 0.6f;
        var ry = box.Height * 0.04f;
        using var shader = SKShader.CreateRadialGradient(
            center, radius, [SKColors.Black.WithAlpha(80), SKColors.Black.WithAlpha(0)], null, SKShaderTileMode.Clamp,
            SKMatrix.CreateScale(1f, ry / radius, center.X, center.Y));
        using var paint = new SKPaint { IsAntialias = true, Shader = shader };
        canvas.DrawOval(center, new SKSize(radius, ry), paint);
    }
}
