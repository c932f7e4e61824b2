namespace VfeTps.Stream.Datasets.Tests;

/// <summary>Each format's own layout: file name, path field, image folder, splits and extras.</summary>
public sealed class FormatLoadingTests
{
    [Fact]
    public void CuhkPedes_LoadsThreeSplitsWithImagesUnderImgs()
    {
        using var directory = new TempDirectory();
        var root = TestDataset.WriteTypical(directory, DatasetFormat.CuhkPedes);

        var dataset = TestDataset.Load(root);

        Assert.Equal(DatasetFormat.CuhkPedes, dataset.Format);
        Assert.Equal("CUHK-PEDES", dataset.Name);
        Assert.Equal(root, dataset.Root);
        Assert.Equal((4, 1, 2), (dataset.Train.Count, dataset.Validation.Count, dataset.Test.Count));
        var first = dataset.Train[0];
        Assert.Equal(Path.Combine(root, "imgs", "train", "p4_a.jpg"), first.ImagePath);
        Assert.True(Path.IsPathFullyQualified(first.ImagePath));
        Assert.Equal("train/p4_a.jpg", first.RelativePath);
        Assert.Equal(5, first.PersonId);
        Assert.Equal(["a man in a red coat", "red coat, black bag"], first.Captions);
        Assert.Null(first.Camera);
        Assert.Null(first.Viewpoint);
        Assert.Null(first.Attributes);
    }

    [Fact]
    public void IcfgPedes_HasAnEmptyValidationSplitAndSaysSo()
    {
        using var directory = new TempDirectory();
        var root = TestDataset.WriteTypical(directory, DatasetFormat.IcfgPedes);

        var dataset = TestDataset.Load(root);

        Assert.Equal(DatasetFormat.IcfgPedes, dataset.Format);
        Assert.Empty(dataset.Validation);
        Assert.Equal(0, dataset.IdentityCount(DatasetSplit.Validation));
        Assert.Equal((4, 2), (dataset.Train.Count, dataset.Test.Count));
        Assert.Contains("no validation split", dataset.Description);
        Assert.Equal(Path.Combine(root, "imgs", "test", "p30_a.jpg"), dataset.Test[0].ImagePath);
    }

    [Fact]
    public void IcfgPedes_RejectsAValSplit()
    {
        using var directory = new TempDirectory();
        var root = TestDataset.Write(directory, DatasetFormat.IcfgPedes, [TestDataset.Entry(DatasetFormat.IcfgPedes, "val", 3, "a.jpg", "a man")]);

        var exception = Assert.Throws<DatasetFormatException>(() => TestDataset.Load(root));

        Assert.Contains("'split'", exception.Message);
        Assert.Contains("'val'", exception.Message);
        Assert.Contains("'train' and 'test'", exception.Message);
    }

    [Fact]
    public void RstpReid_ReadsImgPath()
    {
        using var directory = new TempDirectory();
        var root = TestDataset.WriteTypical(directory, DatasetFormat.RstpReid);

        var dataset = TestDataset.Load(root);

        Assert.Equal(DatasetFormat.RstpReid, dataset.Format);
        Assert.Equal("RSTPReid", dataset.Name);
        Assert.Equal((4, 1, 2), (dataset.Train.Count, dataset.Validation.Count, dataset.Test.Count));
        Assert.Equal(Path.Combine(root, "imgs", "val", "p12_a.jpg"), dataset.Validation[0].ImagePath);
        Assert.Equal(12, dataset.Validation[0].PersonId);
    }

    [Fact]
    public void SynthPedes_ReadsExtrasAndFindsImagesRelativeToTheDatasetFolder()
    {
        using var directory = new TempDirectory();
        var root = TestDataset.WriteTypical(directory, DatasetFormat.SynthPedes);

        var dataset = TestDataset.Load(root);

        Assert.Equal(DatasetFormat.SynthPedes, dataset.Format);
        var image = dataset.Train[1];
        Assert.Equal(Path.Combine(root, "train", "p1_a.jpg"), image.ImagePath);
        Assert.Equal(2, image.Camera);
        Assert.Equal("front", image.Viewpoint);
        Assert.NotNull(image.Attributes);
        Assert.Equal("red", image.Attributes["upper_color"]!.GetValue<string>());
        Assert.True(image.Attributes["bag"]!.GetValue<bool>());
        Assert.Equal(172, image.Attributes["height_cm"]!.GetValue<long>());
    }

    [Fact]
    public void SynthPedes_ExtrasAreOptional()
    {
        using var directory = new TempDirectory();
        var entry = TestDataset.Entry(DatasetFormat.SynthPedes, "train", 1, "a.png", "a man");
        entry.Remove("attributes");
        entry.Remove("viewpoint");
        entry["camera"] = null;
        var root = TestDataset.Write(directory, DatasetFormat.SynthPedes, [entry]);

        var image = Assert.Single(TestDataset.Load(root).Train);

        Assert.Null(image.Camera);
        Assert.Null(image.Viewpoint);
        Assert.Null(image.Attributes);
    }

    [Fact]
    public void SynthPedes_RejectsAnIdUsedInTwoSplits()
    {
        using var directory = new TempDirectory();
        var root = TestDataset.Write(
            directory,
            DatasetFormat.SynthPedes,
            [
                TestDataset.Entry(DatasetFormat.SynthPedes, "train", 7, "a.png", "a man"),
                TestDataset.Entry(DatasetFormat.SynthPedes, "test", 7, "b.png", "a man"),
            ]);

        var exception = Assert.Throws<DatasetFormatException>(() => TestDataset.Load(root));

        Assert.Contains("entry 1", exception.Message);
        Assert.Contains("unique across splits", exception.Message);
        Assert.Equal("id", exception.Field);
    }

    [Fact]
    public void Description_CountsImagesIdentitiesAndCaptionsPerSplit()
    {
        using var directory = new TempDirectory();
        var root = TestDataset.WriteTypical(directory, DatasetFormat.CuhkPedes);

        var description = TestDataset.Load(root).Description;

        Assert.Contains("CUHK-PEDES", description);
        Assert.Contains(root, description);
        Assert.Contains("train: 4 images, 3 identities, 5 captions", description);
        Assert.Contains("validation: 1 images, 1 identities, 1 captions", description);
        Assert.Contains("test: 2 images, 2 identities, 3 captions", description);
    }

    [Fact]
    public void Load_HonoursCancellation()
    {
        using var directory = new TempDirectory();
        var root = TestDataset.WriteTypical(directory, DatasetFormat.CuhkPedes);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => PersonDatasetLoader.Load(root, cancellationToken: cancellation.Token));
    }
}
