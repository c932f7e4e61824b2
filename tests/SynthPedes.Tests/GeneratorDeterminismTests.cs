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

    [Fact]
    public void Generate_OneSplitFromTheSetsOptionsFile_WritesThatSplitExactlyAsTheFullSetDoes()
    {
        using var full = new TempDirectory();
        using var testOnly = new TempDirectory();
        var cancellationToken = TestContext.Current.CancellationToken;
        var whole = SynthPedesGenerator.Generate(TinySets.Options(full.FullPath), cancellationToken: cancellationToken);

        // Regenerated from the options file the full set carries, as a model's checker would.
        var recipe = SynthPedesRecipe.TryRead(full.FullPath);
        Assert.NotNull(recipe);
        Assert.Equal(SynthPedesRecipe.From(TinySets.Options(full.FullPath)), recipe);
        var part = SynthPedesGenerator.Generate(recipe.ToOptions(testOnly.FullPath) with { Splits = new HashSet<string> { SplitNames.Test } }, cancellationToken: cancellationToken);

        var expected = SynthPedesAnnotations.Read(whole.AnnotationFile).Where(e => e.Split == SplitNames.Test).ToList();
        var actual = SynthPedesAnnotations.Read(part.AnnotationFile);
        Assert.Equal(expected.Select(e => (e.FilePath, e.Id, string.Join('|', e.Captions))), actual.Select(e => (e.FilePath, e.Id, string.Join('|', e.Captions))));
        Assert.Equal(0, part.TrainImages + part.ValidationImages);
        Assert.Equal(whole.TestImages, part.TestImages);
        foreach (var entry in actual)
            Assert.Equal(File.ReadAllBytes(Path.Combine(full.FullPath, entry.FilePath)), File.ReadAllBytes(Path.Combine(testOnly.FullPath, entry.FilePath)));
    }

    [Fact]
    public void Options_UnknownSplit_IsRefusedByName()
    {
        var options = TinySets.Options("unused") with { Splits = new HashSet<string> { "testing" } };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("testing", error.Message, StringComparison.Ordinal);
    }

    private static List<string> RelativeFiles(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];
}
