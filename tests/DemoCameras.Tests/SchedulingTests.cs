namespace VfeTps.Stream.DemoCameras.Tests;

/// <summary>
/// The schedule of the default demo (planned, not rendered) and of the rendered small scene: people never touch,
/// never crowd, visit 1–3 cameras one after another, and every chosen person appears.
/// </summary>
public sealed class SchedulingTests(SmallScene scene)
{
    public static TheoryData<string> Presets => ["demo", "small", "e2e"];

    private static SceneOptions Preset(string name) => name switch
    {
        "demo" => SceneOptions.Demo,
        "e2e" => SceneOptions.Small,
        _ => TestScenes.Small,
    };

    [Theory]
    [MemberData(nameof(Presets))]
    public void PeopleNeverTouchNorCrowdAndVisitCamerasOneAfterAnother(string preset)
    {
        var options = Preset(preset);
        var plan = ScenePlan.Create(options);
        var appearances = plan.Appearances();
        Assert.Equal(options.IdentityCount, plan.Identities.Count);
        foreach (var camera in Enumerable.Range(1, options.CameraCount).Select(options.CameraId))
        {
            var perFrame = appearances.Where(a => a.CameraId == camera).SelectMany(a => a.Boxes).GroupBy(b => b.Frame);
            foreach (var frame in perFrame)
            {
                var boxes = frame.ToList();
                Assert.True(boxes.Count <= options.MaxPeopleInView, $"{boxes.Count} people in view on {camera} at frame {frame.Key}.");
                foreach (var (a, b) in boxes.SelectMany((a, i) => boxes.Skip(i + 1).Select(b => (a, b))))
                {
                    Assert.Equal(0, a.Box.IntersectionOverUnion(b.Box));
                }
            }
        }

        foreach (var person in plan.Identities)
        {
            var visits = appearances.Where(a => a.PersonId == person.PersonId).OrderBy(a => a.EnterFrame).ToList();
            Assert.InRange(visits.Count, 1, Math.Min(3, options.CameraCount));
            Assert.Equal(visits.Count, visits.Select(v => v.CameraId).Distinct().Count());
            foreach (var (earlier, later) in visits.Zip(visits.Skip(1)))
            {
                Assert.True(later.EnterSeconds >= earlier.ExitSeconds + 2, $"Person {person.PersonId} reaches {later.CameraId} too soon after {earlier.CameraId}.");
            }
        }
    }

    [Fact]
    public void TheDemoHasSeveralPeopleAtOnceMultiCameraPeopleAndAllFourViewpoints()
    {
        var plan = ScenePlan.Create(SceneOptions.Demo);
        var appearances = plan.Appearances();
        var busy = appearances.SelectMany(a => a.Boxes.Select(b => (a.CameraId, b.Frame))).GroupBy(k => k).Count(g => g.Count() >= 2);
        Assert.True(busy > SceneOptions.Demo.FrameCount / 4, $"Only {busy} camera frames show two people.");
        Assert.True(plan.Identities.Count(p => appearances.Count(a => a.PersonId == p.PersonId) >= 2) >= plan.Identities.Count / 2);
        Assert.Equal(Enum.GetValues<SynthPedes.Viewpoint>().Order(), appearances.Select(a => a.Viewpoint).Distinct().Order());
        var empty = Enumerable.Range(1, SceneOptions.Demo.CameraCount).Select(SceneOptions.Demo.CameraId)
            .Sum(camera => SceneOptions.Demo.FrameCount - appearances.Where(a => a.CameraId == camera).SelectMany(a => a.Boxes).Select(b => b.Frame).Distinct().Count());
        Assert.True(empty < SceneOptions.Demo.FrameCount * SceneOptions.Demo.CameraCount / 3, $"{empty} camera frames show nobody.");
    }

    [Fact]
    public void TheRenderedGroundTruthIsThePlan()
    {
        var plan = ScenePlan.Create(TestScenes.Small);
        Assert.Equal(plan.Identities.Select(i => i.PersonId), scene.Truth.Identities.Select(i => i.PersonId));
        Assert.Equal(
            plan.Appearances().Select(a => (a.PersonId, a.CameraId, a.EnterFrame, a.ExitFrame)),
            scene.Truth.Appearances.Select(a => (a.PersonId, a.CameraId, a.EnterFrame, a.ExitFrame)));
    }

    [Fact]
    public void ATooCrowdedSceneIsRefusedWithAClearMessage()
    {
        var options = new SceneOptions { CameraCount = 1, DurationSeconds = 10, IdentityCount = 40, MaxPeopleInView = 1 };
        var error = Assert.Throws<InvalidOperationException>(() => ScenePlan.Create(options));
        Assert.Contains("too crowded", error.Message, StringComparison.Ordinal);
    }
}
