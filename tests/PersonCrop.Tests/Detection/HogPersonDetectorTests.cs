using OpenCvSharp;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.PersonCrop.Detection;
using VfeTps.Stream.PersonCrop.Tests.Support;

namespace VfeTps.Stream.PersonCrop.Tests.Detection;

public sealed class HogPersonDetectorTests
{
    [Fact]
    public void On_demo_video_frames_it_finds_upright_people()
    {
        // Three frames 5 s apart; OpenCV's HOG finds about three people per frame at native size.
        var frames = DemoVideo.Frames(101, i => i % 50 == 0);
        using var detector = new HogPersonDetector(new HogDetectorOptions());

        var found = frames.Select(frame => detector.Detect(frame)).ToList();

        Assert.Equal(3, found.Count);
        Assert.True(found.Count(people => people.Count > 0) >= 2, $"people per frame: {string.Join(", ", found.Select(p => p.Count))}");
        Assert.True(found.Sum(people => people.Count) >= 3, $"people per frame: {string.Join(", ", found.Select(p => p.Count))}");
        Assert.All(found.SelectMany(people => people), person =>
        {
            Assert.InRange((double)person.Box.Height / person.Box.Width, 1.5, 3.5);
            Assert.InRange(person.Box.Height, 60, 576);
            Assert.InRange(person.Score, 0f, 1f);
        });
    }

    [Fact]
    public void With_a_scale_below_one_boxes_still_come_back_in_frame_pixels()
    {
        // The demo frame at twice its size, searched at half size, is the native search: the same people, boxes doubled.
        var native = DemoVideo.Frames(1).Single();
        using var nativeMat = Mat.FromPixelData(native.Height, native.Width, MatType.CV_8UC3, native.Bgr);
        using var doubledMat = new Mat();
        Cv2.Resize(nativeMat, doubledMat, new Size(native.Width * 2, native.Height * 2), 0, 0, InterpolationFlags.Linear);
        var doubled = DemoVideo.ToFrame(doubledMat);
        using var nativeDetector = new HogPersonDetector(new HogDetectorOptions());
        using var scaledDetector = new HogPersonDetector(new HogDetectorOptions { Scale = 0.5 });

        var expected = nativeDetector.Detect(native);
        var found = scaledDetector.Detect(doubled);

        Assert.NotEmpty(expected);
        foreach (var person in expected)
        {
            var twice = new BoundingBox(person.Box.X * 2, person.Box.Y * 2, person.Box.Width * 2, person.Box.Height * 2);
            Assert.Contains(found, f => f.Box.IntersectionOverUnion(twice) > 0.8);
        }
    }

    [Fact]
    public void A_frame_smaller_than_the_detection_window_and_an_empty_scene_give_nothing()
    {
        using var detector = new HogPersonDetector(new HogDetectorOptions());
        var tiny = new SyntheticScene(60, 100);
        var empty = new SyntheticScene(320, 240);

        Assert.Empty(detector.Detect(tiny.Frame()));
        Assert.Empty(detector.Detect(empty.Frame()));
    }
}
