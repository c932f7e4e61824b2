using VfeTps.Stream.Contracts;
using VfeTps.Stream.PersonCrop.Detection;
using VfeTps.Stream.PersonCrop.Tests.Support;

namespace VfeTps.Stream.PersonCrop.Tests.Detection;

public sealed class MotionPersonDetectorTests
{
    [Fact]
    public void A_figure_walking_over_a_static_background_is_found_where_it_is()
    {
        var scene = new SyntheticScene();
        using var detector = new MotionPersonDetector(new MotionDetectorOptions());
        for (var i = 0; i < SyntheticScene.LeadIn; i++)
            Assert.Empty(detector.Detect(scene.Frame()));

        for (var i = 0; i < 20; i++)
        {
            var truth = SyntheticScene.FigureBox(20 + (10 * i), 70);
            var person = Assert.Single(detector.Detect(scene.Frame((truth.X, truth.Y))));
            Assert.True(person.Box.IntersectionOverUnion(truth) > 0.6, $"frame {i}: found {person.Box}, the figure is at {truth}");
            Assert.InRange(person.Score, 0.3f, 1f);
        }
    }

    [Fact]
    public void Nothing_is_reported_during_the_warm_up_even_when_someone_is_there()
    {
        var scene = new SyntheticScene();
        var options = new MotionDetectorOptions { WarmupFrames = 4 };
        using var detector = new MotionPersonDetector(options);

        var counts = Enumerable.Range(0, options.WarmupFrames).Select(i => detector.Detect(scene.Frame((20 + (10 * i), 70))).Count);

        Assert.All(counts, count => Assert.Equal(0, count));
    }

    [Fact]
    public void A_static_scene_gives_nothing_and_a_blob_of_the_wrong_shape_is_ignored()
    {
        var scene = new SyntheticScene();
        using var detector = new MotionPersonDetector(new MotionDetectorOptions());
        for (var i = 0; i < 10; i++)
            Assert.Empty(detector.Detect(scene.Frame()));

        for (var i = 0; i < 20; i++)
            Assert.Empty(detector.Detect(scene.Frame()));

        // A wide, low, textured object (a car) moving through: seen as motion, but not a person's shape.
        var texture = new byte[120 * 30 * 3];
        new Random(3).NextBytes(texture);
        for (var i = 0; i < 8; i++)
        {
            var frame = scene.Frame();
            for (var row = 0; row < 30; row++)
                Array.Copy(texture, row * 360, frame.Bgr, ((150 + row) * frame.Stride) + ((40 + (12 * i)) * 3), 360);
            Assert.Empty(detector.Detect(frame));
        }
    }

    [Fact]
    public void A_change_of_frame_size_restarts_the_background_instead_of_failing()
    {
        using var detector = new MotionPersonDetector(new MotionDetectorOptions());
        var small = new SyntheticScene(320, 240);
        var large = new SyntheticScene(480, 360);
        for (var i = 0; i < 25; i++)
            detector.Detect(small.Frame((20 + (10 * i), 70)));

        // The first frames at the new size are learning frames again; then the figure is found as before.
        Assert.All(Enumerable.Range(0, SyntheticScene.LeadIn), _ => Assert.Empty(detector.Detect(large.Frame())));
        var truth = SyntheticScene.FigureBox(100, 150);
        var person = Assert.Single(detector.Detect(large.Frame((truth.X, truth.Y))));
        Assert.True(person.Box.IntersectionOverUnion(truth) > 0.6, $"found {person.Box}, the figure is at {truth}");
    }

    [Fact]
    public void Frames_wider_than_the_processing_width_are_shrunk_but_boxes_come_back_in_frame_pixels()
    {
        var scene = new SyntheticScene(1280, 720);
        using var detector = new MotionPersonDetector(new MotionDetectorOptions { ProcessingWidth = 320 });
        for (var i = 0; i < SyntheticScene.LeadIn; i++)
            detector.Detect(scene.Frame());
        PersonDetection? last = null;
        var truth = default(BoundingBox);
        for (var i = 0; i < 10; i++)
        {
            truth = SyntheticScene.FigureBox(100 + (16 * i), 300);
            last = detector.Detect(scene.Frame((truth.X, truth.Y))).SingleOrDefault();
        }

        Assert.NotNull(last);
        Assert.True(last.Value.Box.IntersectionOverUnion(truth) > 0.5, $"found {last.Value.Box}, the figure is at {truth}");
    }

    [Fact]
    public void On_the_demo_video_it_finds_people_in_most_frames()
    {
        var frames = DemoVideo.Frames(40);
        using var detector = new MotionPersonDetector(new MotionDetectorOptions());

        var counts = frames.Select(frame => detector.Detect(frame)).ToList();

        var afterWarmup = counts.Skip(new MotionDetectorOptions().WarmupFrames + 2).ToList();
        Assert.True(afterWarmup.Count(people => people.Count > 0) >= afterWarmup.Count * 0.8, $"people found in {afterWarmup.Count(p => p.Count > 0)} of {afterWarmup.Count} frames");
        Assert.All(afterWarmup.SelectMany(people => people), person =>
        {
            Assert.InRange((double)person.Box.Height / person.Box.Width, 1.0, 5.0);
            Assert.True(person.Box.Right <= 768 && person.Box.Bottom <= 576);
        });
    }
}
