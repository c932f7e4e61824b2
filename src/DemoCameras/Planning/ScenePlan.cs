namespace VfeTps.Stream.DemoCameras;

/// <summary>Everything decided about a scene before a pixel is drawn: the street, the people and their walks.</summary>
internal sealed record ScenePlan(SceneOptions Options, StreetGeometry Street, IReadOnlyList<SceneIdentity> Identities, IReadOnlyList<PlannedWalk> Walks)
{
    public static ScenePlan Create(SceneOptions options)
    {
        options.Validate();
        var street = new StreetGeometry(options);
        var cast = TestSplitCast.Pick(options);
        var walks = SceneScheduler.Schedule(options, street, cast);
        return new ScenePlan(options, street, [.. cast.Where(person => walks.Any(w => w.Person.PersonId == person.PersonId))], walks);
    }

    /// <summary>The ground-truth walks, by camera and time.</summary>
    public IReadOnlyList<SceneAppearance> Appearances() =>
        [.. Walks.Select(w => w.ToAppearance(Options.CameraId(w.CameraNumber), Street, Options.FramesPerSecond))];
}
