using System.Text.Json.Nodes;

namespace VfeTps.Stream.Datasets.Tests;

public sealed class MissingImageTests
{
    [Fact]
    public void MissingImages_AreCountedAndTheFirstFewListed()
    {
        using var directory = new TempDirectory();
        var entries = new JsonArray([.. Enumerable.Range(1, 10).Select(id => (JsonNode)TestDataset.Entry(DatasetFormat.CuhkPedes, "train", id, $"CUHK01/{id:D4}.png", "a person"))]);
        var root = TestDataset.Write(directory, DatasetFormat.CuhkPedes, entries);
        foreach (var id in new[] { 2, 3, 5, 6, 7, 8, 9 })
        {
            File.Delete(Path.Combine(root, "imgs", "CUHK01", $"{id:D4}.png"));
        }

        var exception = Assert.Throws<DatasetFormatException>(() => TestDataset.Load(root));

        Assert.Contains("refers to 7 of 10 images that do not exist", exception.Message);
        Assert.Contains(Path.Combine(root, "imgs", "CUHK01", "0002.png"), exception.Message);
        Assert.Contains(Path.Combine(root, "imgs", "CUHK01", "0007.png"), exception.Message);
        Assert.DoesNotContain("0008.png", exception.Message); // five are listed, the rest counted
        Assert.DoesNotContain("0001.png", exception.Message);
        Assert.Contains("and 2 more", exception.Message);
        Assert.Contains(Path.Combine(root, "imgs"), exception.Message);
    }

    [Fact]
    public void SynthPedesImageUnderImgs_IsMissingBecauseItsImagesAreRelativeToTheRoot()
    {
        using var directory = new TempDirectory();
        var root = Directory.CreateDirectory(directory.PathOf("synth")).FullName;
        TestDataset.WriteJson(
            Path.Combine(root, "synthpedes.json"),
            new JsonArray(TestDataset.Entry(DatasetFormat.SynthPedes, "train", 1, "images/a.png", "a man")));
        TestDataset.TouchImage(root, DatasetFormat.CuhkPedes, "images/a.png"); // wrongly under imgs/

        var exception = Assert.Throws<DatasetFormatException>(() => TestDataset.Load(root));

        Assert.Contains("refers to 1 of 1 images that do not exist", exception.Message);
        Assert.Contains(Path.Combine(root, "images", "a.png"), exception.Message);
    }
}
