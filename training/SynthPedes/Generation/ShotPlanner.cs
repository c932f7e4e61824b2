namespace VfeTps.Stream.SynthPedes;

/// <summary>
/// Decides every image of the set up front: identities per split (families stay inside their split, which
/// makes the test split harder), how many images each, which cameras, viewpoints, shot conditions and captions.
/// Each decision draws from a random stream seeded by (seed, person, image), so plans never depend on order.
/// </summary>
internal static class ShotPlanner
{
    public const int StreamShot = 2;
    public const int StreamPixels = 3;
    public const int StreamCaptions = 4;

    public static List<ShotPlan> Plan(SynthPedesOptions options, IReadOnlyList<CameraProfile> cameras)
    {
        var sampler = new IdentitySampler(options.Seed, options.SiblingShare);
        var plans = new List<ShotPlan>();
        var personId = 0;
        foreach (var (split, count) in (ReadOnlySpan<(string, int)>)[
            (SplitNames.Train, options.TrainIdentities), (SplitNames.Validation, options.ValidationIdentities), (SplitNames.Test, options.TestIdentities)])
        {
            foreach (var identity in sampler.Sample(count))
            {
                PlanIdentity(options, cameras, split, ++personId, identity.Attributes, plans);
            }
        }

        return plans;
    }

    private static void PlanIdentity(SynthPedesOptions options, IReadOnlyList<CameraProfile> cameras, string split, int personId, PedestrianAttributes person, List<ShotPlan> plans)
    {
        var random = SeedMixer.Create(options.Seed, personId, 0, 1);
        var images = random.Next(options.MinImagesPerIdentity, options.MaxImagesPerIdentity + 1);
        var order = random.Permutation(cameras.Count);
        for (var n = 0; n < images; n++)
        {
            var camera = cameras[order[n % order.Length]];
            var shotRandom = SeedMixer.Create(options.Seed, personId, n, StreamShot);
            var view = PickView(camera, shotRandom);
            var shot = ShotConditions.Sample(camera, person, view, options.Degradation, shotRandom);
            var captions = CaptionWriter.WriteCaptions(person, view, SeedMixer.Create(options.Seed, personId, n, StreamCaptions));
            plans.Add(new ShotPlan(split, personId, n, camera, view, shot, person, captions));
        }
    }

    private static Viewpoint PickView(CameraProfile camera, Random random)
    {
        var total = camera.ViewpointWeights.Sum();
        var ticket = random.NextDouble() * total;
        for (var i = 0; i < camera.ViewpointWeights.Count; i++)
        {
            ticket -= camera.ViewpointWeights[i];
            if (ticket < 0)
            {
                return (Viewpoint)i;
            }
        }

        return Viewpoint.Front;
    }
}
