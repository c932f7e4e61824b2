namespace VfeTps.Stream.SynthPedes.Tests;

public sealed class GeneratorOptionsTests
{
    [Fact]
    public void Generate_CancelledBeforehand_ThrowsAndWritesNothing()
    {
        using var folder = new TempDirectory();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => SynthPedesGenerator.Generate(TinySets.Options(folder.FullPath), cancellationToken: cancelled.Token));
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.FullPath));
    }

    [Fact]
    public void Generate_CancelledWhileRendering_Stops()
    {
        using var folder = new TempDirectory();
        using var cancellation = new CancellationTokenSource();
        var progress = new CancelOnFirstReport(cancellation);
        var options = TinySets.Options(folder.FullPath) with { MaxDegreeOfParallelism = 1 };

        Assert.ThrowsAny<OperationCanceledException>(() => SynthPedesGenerator.Generate(options, progress, cancellation.Token));
        Assert.False(File.Exists(Path.Combine(folder.FullPath, SynthPedesAnnotations.FileName)));
    }

    [Theory]
    [InlineData(5, 4, 6, 128, 384)]
    [InlineData(4, 8, 0, 128, 384)]
    [InlineData(4, 8, 6, 8, 384)]
    public void Validate_RejectsImpossibleOptions(int minImages, int maxImages, int cameras, int width, int height)
    {
        var options = new SynthPedesOptions
        {
            OutputDirectory = "unused",
            MinImagesPerIdentity = minImages,
            MaxImagesPerIdentity = maxImages,
            CameraCount = cameras,
            ImageWidth = width,
            ImageHeight = height,
        };

        Assert.ThrowsAny<ArgumentException>(options.Validate);
    }

    [Fact]
    public void Defaults_DescribeTheStandardSet()
    {
        var options = new SynthPedesOptions { OutputDirectory = "unused" };

        options.Validate();
        Assert.Equal((1000, 100, 300), (options.TrainIdentities, options.ValidationIdentities, options.TestIdentities));
        Assert.Equal((128, 384), (options.ImageWidth, options.ImageHeight));
        Assert.Equal((4, 8, 6), (options.MinImagesPerIdentity, options.MaxImagesPerIdentity, options.CameraCount));
    }

    private sealed class CancelOnFirstReport(CancellationTokenSource source) : IProgress<SynthPedesProgress>
    {
        public void Report(SynthPedesProgress value) => source.Cancel();
    }
}
