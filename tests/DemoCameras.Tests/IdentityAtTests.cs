using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.DemoCameras.Tests;

/// <summary>Scoring crops: which ground-truth person a box at a time shows.</summary>
public sealed class IdentityAtTests(SmallScene scene)
{
    [Fact]
    public void ABoxOnAPersonAtTheRightTimeIsThatPerson()
    {
        foreach (var walk in scene.Truth.Appearances)
        {
            var frame = walk.MiddleFrame;
            var fps = scene.Truth.Camera(walk.CameraId).FramesPerSecond;
            var box = walk.BoxAt(frame)!.Value.Box;
            Assert.Equal(walk.PersonId, scene.Truth.IdentityAt(walk.CameraId, frame / (double)fps, box));
            Assert.Equal(walk.PersonId, scene.Truth.IdentityAtFrame(walk.CameraId, frame, box));
            // A detector's looser box (10 % wider and taller) still counts.
            var loose = new BoundingBox(box.X - (box.Width / 10), box.Y - (box.Height / 20), box.Width * 6 / 5, box.Height * 11 / 10);
            Assert.Equal(walk.PersonId, scene.Truth.IdentityAt(walk.CameraId, (frame / (double)fps) + 0.02, loose));
        }
    }

    [Fact]
    public void ABoxBesideThePersonOrAtAnotherTimeOrTooSmallIsNotThatPerson()
    {
        foreach (var walk in scene.Truth.Appearances)
        {
            var box = walk.BoxAt(walk.MiddleFrame)!.Value.Box;
            // Two widths aside, someone else may walk, but never this person.
            Assert.NotEqual(walk.PersonId, scene.Truth.IdentityAtFrame(walk.CameraId, walk.MiddleFrame, box with { X = box.X + (2 * box.Width) }));
            // Frame 0 of every camera is empty.
            Assert.Null(scene.Truth.IdentityAtFrame(walk.CameraId, 0, box));
            // Where they were last seen, one frame after they left.
            Assert.NotEqual(walk.PersonId, scene.Truth.IdentityAtFrame(walk.CameraId, walk.ExitFrame + 1, walk.BoxAt(walk.ExitFrame)!.Value.Box));
            // A box on their torso only: IoU 1/16, under the threshold.
            var part = new BoundingBox(box.X + (box.Width / 3), box.Y + (box.Height / 3), box.Width / 4, box.Height / 4);
            Assert.Null(scene.Truth.IdentityAtFrame(walk.CameraId, walk.MiddleFrame, part));
            Assert.Equal(walk.PersonId, scene.Truth.IdentityAtFrame(walk.CameraId, walk.MiddleFrame, part, minIou: 0.01));
        }
    }

    [Fact]
    public void OffsetsPastTheEndWrapAroundAsInLoopedPlayback()
    {
        var walk = scene.Truth.Appearances[^1];
        var camera = scene.Truth.Camera(walk.CameraId);
        var box = walk.BoxAt(walk.MiddleFrame)!.Value.Box;
        var offset = (walk.MiddleFrame / (double)camera.FramesPerSecond) + (3 * camera.DurationSeconds);
        Assert.Equal(walk.MiddleFrame, scene.Truth.FrameAt(walk.CameraId, offset));
        Assert.Equal(walk.PersonId, scene.Truth.IdentityAt(walk.CameraId, offset, box));
    }

    [Fact]
    public void BadArgumentsGetClearErrors()
    {
        var truth = scene.Truth;
        var box = new BoundingBox(0, 0, 10, 10);
        Assert.Contains("no camera", Assert.Throws<ArgumentException>(() => truth.IdentityAt("nope", 1, box)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => truth.IdentityAt(truth.Cameras[0].Id, -1, box));
        Assert.Throws<ArgumentOutOfRangeException>(() => truth.IdentityAt(truth.Cameras[0].Id, double.NaN, box));
        Assert.Throws<ArgumentOutOfRangeException>(() => truth.IdentityAtFrame(truth.Cameras[0].Id, -1, box));
        Assert.Throws<ArgumentOutOfRangeException>(() => truth.IdentityAtFrame(truth.Cameras[0].Id, 1, box, minIou: 1.5));
        Assert.Throws<ArgumentException>(() => truth.Identity(-5));
    }
}
