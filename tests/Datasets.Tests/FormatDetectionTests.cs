namespace VfeTps.Stream.Datasets.Tests;

public sealed class FormatDetectionTests
{
    [Theory]
    [InlineData(DatasetFormat.CuhkPedes)]
    [InlineData(DatasetFormat.IcfgPedes)]
    [InlineData(DatasetFormat.RstpReid)]
    [InlineData(DatasetFormat.SynthPedes)]
    public void FromRootFolder_FindsTheAnnotationFile(DatasetFormat format)
    {
        using var directory = new TempDirectory();
        var root = TestDataset.WriteTypical(directory, format);

        var dataset = TestDataset.Load(root);

        Assert.Equal(format, dataset.Format);
        Assert.Contains("detected from the file name", dataset.Description);
    }

    [Theory]
    [InlineData(DatasetFormat.CuhkPedes)]
    [InlineData(DatasetFormat.IcfgPedes)]
    [InlineData(DatasetFormat.RstpReid)]
    [InlineData(DatasetFormat.SynthPedes)]
    public void FromAnnotationFilePath_UsesItsName(DatasetFormat format)
    {
        using var directory = new TempDirectory();
        var root = TestDataset.WriteTypical(directory, format);

        var dataset = TestDataset.Load(Path.Combine(root, TestDataset.AnnotationFileName(format)));

        Assert.Equal(format, dataset.Format);
        Assert.Equal(root, dataset.Root);
    }

    [Theory]
    [InlineData(DatasetFormat.CuhkPedes)]
    [InlineData(DatasetFormat.IcfgPedes)]
    [InlineData(DatasetFormat.RstpReid)]
    [InlineData(DatasetFormat.SynthPedes)]
    public void RenamedAnnotationFile_IsDetectedFromItsFields(DatasetFormat format)
    {
        using var directory = new TempDirectory();
        var root = TestDataset.WriteTypical(directory, format);
        var renamed = Path.Combine(root, "annotations-copy.json");
        File.Move(Path.Combine(root, TestDataset.AnnotationFileName(format)), renamed);

        var dataset = TestDataset.Load(renamed);

        Assert.Equal(format, dataset.Format);
        Assert.Contains("detected from the entries' fields", dataset.Description);
    }

    [Fact]
    public void NamedFormat_OverridesTheFileName()
    {
        using var directory = new TempDirectory();
        var root = TestDataset.WriteTypical(directory, DatasetFormat.CuhkPedes);
        var renamed = Path.Combine(root, "ICFG-PEDES.json");
        File.Move(Path.Combine(root, "reid_raw.json"), renamed);

        var dataset = TestDataset.Load(renamed, DatasetFormat.CuhkPedes);

        Assert.Equal(DatasetFormat.CuhkPedes, dataset.Format);
        Assert.Single(dataset.Validation);
    }

    [Fact]
    public void NamedFormat_WithAFolderLacksItsFile_SaysWhichFileIsMissing()
    {
        using var directory = new TempDirectory();
        var root = TestDataset.WriteTypical(directory, DatasetFormat.CuhkPedes);

        var exception = Assert.Throws<DatasetFormatException>(() => TestDataset.Load(root, DatasetFormat.RstpReid));

        Assert.Contains("data_captions.json", exception.Message);
        Assert.Contains("does not exist", exception.Message);
    }

    [Fact]
    public void FolderWithoutAnnotationFile_ListsTheExpectedNames()
    {
        using var directory = new TempDirectory();

        var exception = Assert.Throws<DatasetFormatException>(() => TestDataset.Load(directory.FullPath));

        Assert.Contains(directory.FullPath, exception.Message);
        foreach (var format in Enum.GetValues<DatasetFormat>())
        {
            Assert.Contains(TestDataset.AnnotationFileName(format), exception.Message);
        }
    }

    [Fact]
    public void FolderWithTwoAnnotationFiles_IsAmbiguous()
    {
        using var directory = new TempDirectory();
        var root = TestDataset.WriteTypical(directory, DatasetFormat.CuhkPedes);
        File.Copy(Path.Combine(root, "reid_raw.json"), Path.Combine(root, "synthpedes.json"));

        var exception = Assert.Throws<DatasetFormatException>(() => TestDataset.Load(root));

        Assert.Contains("several annotation files", exception.Message);
        Assert.Equal(DatasetFormat.CuhkPedes, TestDataset.Load(root, DatasetFormat.CuhkPedes).Format);
    }

    [Fact]
    public void MissingPath_IsReported()
    {
        using var directory = new TempDirectory();
        var path = directory.PathOf("no-such-dataset");

        var exception = Assert.Throws<DatasetFormatException>(() => TestDataset.Load(path));

        Assert.Contains(path, exception.Message);
        Assert.Contains("does not exist", exception.Message);
    }

    [Fact]
    public void UnrecognisableFields_AskForTheFormat()
    {
        using var directory = new TempDirectory();
        var path = directory.PathOf("mystery.json");
        File.WriteAllText(path, """[{ "picture": "a.jpg", "text": ["a man"], "split": "train", "id": 1 }]""");

        var exception = Assert.Throws<DatasetFormatException>(() => TestDataset.Load(path));

        Assert.Contains("name the format", exception.Message);
    }
}
