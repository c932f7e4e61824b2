namespace VfeTps.Stream.SynthPedes.Tests;

/// <summary>Small, fast data set options for tests: 12 identities of 32×96 images.</summary>
internal static class TinySets
{
    public static SynthPedesOptions Options(string outputDirectory, int seed = 7) => new()
    {
        OutputDirectory = outputDirectory,
        Seed = seed,
        TrainIdentities = 6,
        ValidationIdentities = 2,
        TestIdentities = 4,
        MinImagesPerIdentity = 2,
        MaxImagesPerIdentity = 4,
        CameraCount = 3,
        ImageWidth = 32,
        ImageHeight = 96,
        ContactSheetIdentities = 3,
    };
}
