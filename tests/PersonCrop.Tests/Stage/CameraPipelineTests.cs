using System.Runtime.CompilerServices;
using OpenCvSharp;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.PersonCrop.Detection;
using VfeTps.Stream.PersonCrop.Stage;
using VfeTps.Stream.PersonCrop.Tests.Support;

namespace VfeTps.Stream.PersonCrop.Tests.Stage;

/// <summary>What a camera's pipeline keeps in memory for its tracks' pending best shots.</summary>
public sealed class CameraPipelineTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_pending_best_shot_keeps_its_crop_and_frame_JPEG_but_not_the_raw_frame()
    {
        var scene = new SyntheticScene(640, 480);
        var options = new PersonCropOptions();
        options.BestShots.MinShotInterval = TimeSpan.FromHours(1); // no second shot while the track lives
        using var pipeline = new CameraPipeline("cam-a", options);
        var emitted = new List<CropShot>();
        var frames = new List<WeakReference<VideoFrame>>();
        const int count = 16;

        for (var t = 0; t < count; t++)
            frames.Add(Advance(pipeline, scene, t, emitted));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var first = Assert.Single(emitted); // shot 0 at confirmation, cut off by the bottom edge
        var firstFrame = (int)((first.CaptureTime - Start).TotalMilliseconds / 200);
        var alive = Enumerable.Range(0, count).Where(t => frames[t].TryGetTarget(out _)).ToList();
        // Only the frame of the shot this test still holds stays alive; the pending best's frame is gone.
        Assert.All(alive, t => Assert.Equal(firstFrame, t));
        var rawFrame = (long)scene.Width * scene.Height * 3;
        Assert.InRange(pipeline.RetainedBytes, 1, rawFrame / 4);
        Assert.Equal(1, pipeline.TrackCount);

        var last = Assert.Single(pipeline.EndAllTracks());
        Assert.Equal((1, first.TrackId), (last.ShotIndex, last.TrackId));
        Assert.True(last.Quality >= first.Quality + options.BestShots.MinQualityGain, $"shot 1 ({last.Quality}) should clearly beat shot 0 ({first.Quality})");
        var lastFrame = (int)((last.CaptureTime - Start).TotalMilliseconds / 200);
        Assert.InRange(lastFrame, 6, count - 1); // fully in view
        Assert.Equal((0, 0L), (pipeline.TrackCount, pipeline.RetainedBytes));

        // The kept pixels are the frame's: the crop at its region's size, the frame JPEG close to the original.
        using var crop = Cv2.ImDecode(last.Image.EncodeCrop(options.JpegQuality), ImreadModes.Color);
        Assert.Equal((last.Image.Region.Width, last.Image.Region.Height), (crop.Width, crop.Height));
        using var decoded = Cv2.ImDecode(last.Image.Frame.Jpeg(options.JpegQuality), ImreadModes.Color);
        using var original = FrameMats.Wrap(scene.Frame(scene.RisingFigureAt(lastFrame)));
        using var difference = new Mat();
        Cv2.Absdiff(decoded, original, difference);
        Assert.InRange(Cv2.Mean(difference).Val0, 0, 3);
    }

    [Fact]
    public void A_pending_candidate_that_can_never_be_emitted_keeps_no_pixels()
    {
        var scene = new SyntheticScene(640, 480);
        var options = new PersonCropOptions();
        using var pipeline = new CameraPipeline("cam-a", options);
        var emitted = new List<CropShot>();

        // A figure standing fully in view: shot 0 is as good as any later appearance, so nothing later could be a shot.
        for (var t = 0; t < 10; t++)
        {
            var frame = new FrameCaptured("cam-a", t, Start.AddMilliseconds(200 * t), scene.Frame((300, 200)));
            emitted.AddRange(pipeline.Advance(frame, [new PersonDetection(SyntheticScene.FigureBox(300, 200), 0.9f)]).Shots);
        }

        Assert.Single(emitted);
        Assert.Equal(0, pipeline.RetainedBytes);
        Assert.Equal(1, pipeline.FramesCompressed); // frame 0 only, while the track was tentative and any shot could be its first
        Assert.Empty(pipeline.EndAllTracks());
    }

    // Not inlined: the frame must not stay reachable from this test's locals.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<VideoFrame> Advance(CameraPipeline pipeline, SyntheticScene scene, int t, List<CropShot> emitted)
    {
        var position = scene.RisingFigureAt(t);
        var frame = new FrameCaptured("cam-a", t, Start.AddMilliseconds(200 * t), scene.Frame(position));
        var box = SyntheticScene.FigureBox(position.X, position.Y).ClampTo(scene.Width, scene.Height);
        emitted.AddRange(pipeline.Advance(frame, [new PersonDetection(box, 0.9f)]).Shots);
        return new WeakReference<VideoFrame>(frame.Frame);
    }
}
