using System.Diagnostics;
using System.Text.Json;
using OpenCvSharp;

namespace VfeTps.Stream.DemoCameras.Tests;

/// <summary>The videos open with OpenCV and with Debian's FFmpeg (ffprobe), as MJPG of the recorded size, rate and length.</summary>
public sealed class VideoFileTests(SmallScene scene)
{
    [Fact]
    public void OpenCvReadsEveryFrameAtTheRecordedSizeAndRate()
    {
        foreach (var camera in scene.Truth.Cameras)
        {
            using var capture = new VideoCapture(scene.Scene.VideoPath(camera));
            Assert.True(capture.IsOpened());
            Assert.Equal(camera.Width, capture.FrameWidth);
            Assert.Equal(camera.Height, capture.FrameHeight);
            Assert.Equal(camera.FramesPerSecond, capture.Fps, precision: 3);
            Assert.Equal(camera.FrameCount, capture.FrameCount);
            Assert.Equal("MJPG", capture.FourCC);
            using var mat = new Mat();
            var read = 0;
            while (capture.Read(mat) && !mat.Empty())
            {
                read++;
            }

            Assert.Equal(camera.FrameCount, read);
            Assert.Equal(new FileInfo(scene.Scene.VideoPath(camera)).Length, camera.FileBytes);
        }
    }

    [Fact]
    public async Task FfprobeReadsMjpegOfTheRecordedSizeRateAndFrameCount()
    {
        foreach (var camera in scene.Truth.Cameras)
        {
            var start = new ProcessStartInfo("ffprobe")
            {
                ArgumentList =
                {
                    "-v", "error", "-count_frames", "-select_streams", "v:0",
                    "-show_entries", "stream=codec_name,width,height,r_frame_rate,nb_read_frames", "-of", "json", scene.Scene.VideoPath(camera),
                },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var errors = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.True(process.ExitCode == 0 && errors.Length == 0, $"ffprobe failed ({process.ExitCode}): {errors}");
            var stream = JsonDocument.Parse(output).RootElement.GetProperty("streams")[0];
            Assert.Equal("mjpeg", stream.GetProperty("codec_name").GetString());
            Assert.Equal(camera.Width, stream.GetProperty("width").GetInt32());
            Assert.Equal(camera.Height, stream.GetProperty("height").GetInt32());
            Assert.Equal($"{camera.FramesPerSecond}/1", stream.GetProperty("r_frame_rate").GetString());
            Assert.Equal(camera.FrameCount.ToString(System.Globalization.CultureInfo.InvariantCulture), stream.GetProperty("nb_read_frames").GetString());
        }
    }

    [Fact]
    public void EachCameraHasAContactFrameWithPeopleOnIt()
    {
        foreach (var camera in scene.Truth.Cameras)
        {
            using var image = Cv2.ImRead(Path.Combine(scene.Scene.Folder, camera.ContactFrame));
            Assert.False(image.Empty(), $"{camera.ContactFrame} does not decode.");
            Assert.Equal(new Size(camera.Width, camera.Height), image.Size());
            using var background = Mat.FromPixelData(camera.Height, camera.Width, MatType.CV_8UC3, scene.Background(camera.Id));
            using var difference = new Mat();
            Cv2.Absdiff(image, background, difference);
            using var gray = difference.CvtColor(ColorConversionCodes.BGR2GRAY);
            Assert.True(Cv2.CountNonZero(gray.Threshold(FrameDifference.Threshold, 255, ThresholdTypes.Binary)) > camera.Width * camera.Height / 100,
                $"{camera.ContactFrame} shows nobody.");
        }
    }
}
