namespace VfeTps.Stream.SynthPedes.Tests;

public sealed class GeneratorDeterminismTests
{
    [Fact]
    public void Generate_SameOptions_WritesIdenticalFiles_WhateverTheThreadCount()
    {
        using var folderA = new TempDirectory();
        using var folderB = new TempDirectory();
        var cancellationToken = TestContext.Current.CancellationToken;

        SynthPedesGenerator.Generate(TinySets.Options(folderA.FullPath) with { MaxDegreeOfParallelism = 1 }, cancellationToken: cancellationToken);
        SynthPedesGenerator.Generate(TinySets.Options(folderB.FullPath) with { MaxDegreeOfParallelism = 4 }, cancellationToken: cancellationToken);

        var filesA = RelativeFiles(folderA.FullPath);
        Assert.Equal(filesA, RelativeFiles(folderB.FullPath));
        Assert.Contains(filesA, file => file.EndsWith(".jpg", StringComparison.Ordinal));
        foreach (var file in filesA)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(folderA.FullPath, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(folderB.FullPath, file))), file);
        }
    }

    [Fact]
    public void Generate_DifferentSeed_WritesDifferentAnnotationsAndImages()
    {
        using var folderA = new TempDirectory();
        using var folderB = new TempDirectory();
        var cancellationToken = TestContext.Current.CancellationToken;

        var a = SynthPedesGenerator.Generate(TinySets.Options(folderA.FullPath, seed: 1), cancellationToken: cancellationToken);
        var b = SynthPedesGenerator.Generate(TinySets.Options(folderB.FullPath, seed: 2), cancellationToken: cancellationToken);

        Assert.NotEqual(File.ReadAllText(a.AnnotationFile), File.ReadAllText(b.AnnotationFile));
        var first = SynthPedesAnnotations.Read(a.AnnotationFile)[0].FilePath;
        var other = SynthPedesAnnotations.Read(b.AnnotationFile)[0].FilePath;
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(folderA.FullPath, first)), File.ReadAllBytes(Path.Combine(folderB.FullPath, other)));
    }

    [Fact]
    public void Generate_IntoAnEarlierSet_LeavesNoStaleImages()
    {
        using var folder = new TempDirectory();
        var cancellationToken = TestContext.Current.CancellationToken;
        SynthPedesGenerator.Generate(TinySets.Options(folder.FullPath) with { TrainIdentities = 10 }, cancellationToken: cancellationToken);

        var summary = SynthPedesGenerator.Generate(TinySets.Options(folder.FullPath), cancellationToken: cancellationToken);

        var annotated = SynthPedesAnnotations.Read(summary.AnnotationFile).Select(e => e.FilePath).Order(StringComparer.Ordinal);
        var onDisk = RelativeFiles(folder.FullPath).Where(f => f.StartsWith("images/", StringComparison.Ordinal));
        Assert.Equal(annotated, onDisk);
    }

    private static List<string> RelativeFiles(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];
}
