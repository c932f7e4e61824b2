namespace VfeTps.Stream.SynthPedes.Tests;

/// <summary>
/// The paper's Fig. 1: two images of one person often differ more than images of two people. Cameras,
/// viewpoints, framing and backgrounds must dominate raw pixels so that only details identify a person.
/// </summary>
public sealed class IdentityConfusionTests
{
    [Fact]
    public void SameIdentityPairs_OftenDifferMoreThanDifferentIdentityPairs()
    {
        using var folder = new TempDirectory();
        var options = TinySets.Options(folder.FullPath, seed: 21) with
        {
            TrainIdentities = 24,
            ValidationIdentities = 0,
            TestIdentities = 0,
            MinImagesPerIdentity = 3,
            MaxImagesPerIdentity = 5,
            CameraCount = 6,
            ImageWidth = 32,
            ImageHeight = 96,
        };
        var summary = SynthPedesGenerator.Generate(options, cancellationToken: TestContext.Current.CancellationToken);
        var entries = SynthPedesAnnotations.Read(summary.AnnotationFile);
        var images = entries.ToDictionary(e => e.FilePath, e => Pixels.Decode(Path.Combine(folder.FullPath, e.FilePath)));
        var random = new Random(4);
        var sameWins = 0;
        var trials = 0;
        foreach (var person in entries.GroupBy(e => e.Id))
        {
            var shots = person.ToList();
            for (var i = 0; i < shots.Count; i++)
            {
                for (var j = i + 1; j < shots.Count; j++)
                {
                    var stranger = entries[random.Next(entries.Count)];
                    if (stranger.Id == person.Key)
                    {
                        continue;
                    }

                    var same = Pixels.MeanAbsoluteDifference(images[shots[i].FilePath], images[shots[j].FilePath]);
                    var different = Pixels.MeanAbsoluteDifference(images[shots[i].FilePath], images[stranger.FilePath]);
                    sameWins += same > different ? 1 : 0;
                    trials++;
                }
            }
        }

        foreach (var image in images.Values)
        {
            image.Dispose();
        }

        // Measured on this set: the same-identity pair is the more different one in 52 % of 132 trials
        // (41 % of 2 447 trials on the test split of the default 128×384 set).
        var share = sameWins / (double)trials;
        Assert.True(trials > 100, $"only {trials} trials");
        Assert.True(share >= 0.25, $"same-identity pairs differ more in only {share:P0} of {trials} trials");
    }
}
