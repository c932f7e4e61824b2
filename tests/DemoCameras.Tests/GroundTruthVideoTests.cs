using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.DemoCameras.Tests;

/// <summary>The ground truth says where people are in the decoded video, and nobody is anywhere else.</summary>
public sealed class GroundTruthVideoTests(SmallScene scene)
{
    [Fact]
    public void EveryWalkShowsAPersonInItsBoxAndTheStreetElsewhereIsUnchanged()
    {
        var truth = scene.Truth;
        Assert.NotEmpty(truth.Appearances);
        foreach (var camera in truth.Cameras)
        {
            var walks = truth.Appearances.Where(a => a.CameraId == camera.Id).ToList();
            Assert.NotEmpty(walks);
            var frames = VideoFrames.Read(scene.Scene.VideoPath(camera), walks.Select(w => w.MiddleFrame));
            var background = scene.Background(camera.Id);
            foreach (var walk in walks)
            {
                var difference = new FrameDifference(frames[walk.MiddleFrame], background, camera.Width, camera.Height);
                var people = truth.PeopleAt(camera.Id, walk.MiddleFrame);
                var own = walk.BoxAt(walk.MiddleFrame)!.Value.Box;
                Assert.True(difference.ChangedShare(own) > 0.2,
                    $"Person {walk.PersonId} on {camera.Id} at frame {walk.MiddleFrame}: only {difference.ChangedShare(own):P1} of {own} differs from the street.");
                // Margins for anti-aliased edges and the contact shadow under the feet.
                var covered = people.Select(p => Grow(p.Box.Box, (p.Box.Width / 4) + 3, 4)).ToList();
                var outside = difference.ChangedShareOutside(covered);
                Assert.True(outside < 0.002, $"{camera.Id} frame {walk.MiddleFrame}: {outside:P2} of the frame outside the people's boxes differs from the street.");
            }
        }
    }

    [Fact]
    public void FirstAndLastFramesShowOnlyTheStreetSoALoopDoesNotJump()
    {
        foreach (var camera in scene.Truth.Cameras)
        {
            Assert.Empty(scene.Truth.PeopleAt(camera.Id, 0));
            Assert.Empty(scene.Truth.PeopleAt(camera.Id, camera.FrameCount - 1));
            var frames = VideoFrames.Read(scene.Scene.VideoPath(camera), [0, camera.FrameCount - 1]);
            foreach (var frame in frames.Values)
            {
                var outside = new FrameDifference(frame, scene.Background(camera.Id), camera.Width, camera.Height).ChangedShareOutside([]);
                Assert.True(outside < 0.002, $"{camera.Id}: {outside:P2} of an end frame differs from the street.");
            }
        }
    }

    [Fact]
    public void BoxesFollowTheWalkDirectionAndKeepPeopleWellAboveTheModelInputSize()
    {
        var options = scene.Truth.Options;
        foreach (var walk in scene.Truth.Appearances)
        {
            var centres = walk.Boxes.Select(b => b.X + (b.Width / 2.0)).ToList();
            var pairs = centres.Zip(centres.Skip(1));
            Assert.All(pairs, p => Assert.True(walk.Direction == WalkDirection.LeftToRight ? p.Second >= p.First : p.Second <= p.First));
            Assert.Equal(Enumerable.Range(walk.EnterFrame, walk.ExitFrame - walk.EnterFrame + 1), walk.Boxes.Select(b => b.Frame));
            foreach (var box in walk.Boxes.Where(b => b.Visible >= 0.999))
            {
                Assert.InRange(box.Height, (0.93 * options.MinPersonHeight * options.FrameHeight) - 1, (options.MaxPersonHeight * options.FrameHeight) + 1);
                Assert.True(box.Height > 96, $"A fully visible person is only {box.Height} px tall.");
            }
        }
    }

    [Fact]
    public void SideViewsMatchTheDirectionAndDiagonalWalkersAreSeenFromFrontOrBack()
    {
        foreach (var walk in scene.Truth.Appearances)
        {
            var full = walk.Boxes.Where(b => b.Visible >= 0.999).ToList();
            var growing = full[^1].Height - full[0].Height;
            switch (walk.Viewpoint)
            {
                case SynthPedes.Viewpoint.RightSide:
                    Assert.Equal(WalkDirection.LeftToRight, walk.Direction);
                    Assert.InRange(growing, -1, 1);
                    break;
                case SynthPedes.Viewpoint.LeftSide:
                    Assert.Equal(WalkDirection.RightToLeft, walk.Direction);
                    Assert.InRange(growing, -1, 1);
                    break;
                case SynthPedes.Viewpoint.Front:
                    Assert.True(growing > 10, $"A walker seen from the front grows by {growing} px only.");
                    break;
                default:
                    Assert.True(growing < -10, $"A walker seen from behind shrinks by {-growing} px only.");
                    break;
            }
        }
    }

    private static BoundingBox Grow(BoundingBox box, int dx, int dy) => new(box.X - dx, box.Y - dy, box.Width + (2 * dx), box.Height + (2 * dy));
}
