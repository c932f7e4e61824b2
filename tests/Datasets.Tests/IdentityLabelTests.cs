using System.Text.Json.Nodes;

namespace VfeTps.Stream.Datasets.Tests;

/// <summary>Labels are what identity losses index: contiguous from 0 per split, stable, one per person id.</summary>
public sealed class IdentityLabelTests
{
    [Fact]
    public void TrainLabels_AreContiguousInAscendingIdOrder()
    {
        using var directory = new TempDirectory();
        var root = TestDataset.WriteTypical(directory, DatasetFormat.CuhkPedes);

        var dataset = TestDataset.Load(root);

        // Train ids in file order 5, 2, 5, 10 → labels by ascending id: 2 → 0, 5 → 1, 10 → 2.
        Assert.Equal([5, 2, 5, 10], dataset.Train.Select(image => image.PersonId));
        Assert.Equal([1, 0, 1, 2], dataset.Train.Select(image => image.Label));
        Assert.Equal(3, dataset.IdentityCount(DatasetSplit.Train));
    }

    [Fact]
    public void ValidationAndTest_HaveTheirOwnLabelsFromZero()
    {
        using var directory = new TempDirectory();
        var root = TestDataset.WriteTypical(directory, DatasetFormat.RstpReid);

        var dataset = TestDataset.Load(root);

        // Test ids 30, 20 → labels 1, 0; the single validation person → 0.
        Assert.Equal([30, 20], dataset.Test.Select(image => image.PersonId));
        Assert.Equal([1, 0], dataset.Test.Select(image => image.Label));
        Assert.Equal(2, dataset.IdentityCount(DatasetSplit.Test));
        Assert.Equal(0, Assert.Single(dataset.Validation).Label);
        Assert.Equal(1, dataset.IdentityCount(DatasetSplit.Validation));
    }

    [Fact]
    public void Labels_DoNotDependOnTheOrderOfEntries()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        var entries = Enumerable.Range(0, 12)
            .Select(index => TestDataset.Entry(DatasetFormat.CuhkPedes, "train", 100 - (7 * (index % 5)), $"img{index}.png", "a person"))
            .ToList();
        var forward = TestDataset.Write(first, DatasetFormat.CuhkPedes, [.. entries.Select(entry => entry.DeepClone())]);
        var backward = TestDataset.Write(second, DatasetFormat.CuhkPedes, [.. Enumerable.Reverse(entries).Select(entry => entry.DeepClone())]);

        var labelsForward = TestDataset.Load(forward).Train.ToDictionary(image => image.RelativePath, image => image.Label);
        var labelsBackward = TestDataset.Load(backward).Train.ToDictionary(image => image.RelativePath, image => image.Label);

        Assert.Equal(labelsForward.OrderBy(pair => pair.Key), labelsBackward.OrderBy(pair => pair.Key));
        Assert.Equal([0, 1, 2, 3, 4], labelsForward.Values.Distinct().Order());
    }

    [Fact]
    public void ContiguousOneBasedIds_GetIdMinusOne_AsInTheReferenceCode()
    {
        using var directory = new TempDirectory();
        var entries = new JsonArray([.. new[] { 3, 1, 2, 3 }.Select((id, index) => (JsonNode)TestDataset.Entry(DatasetFormat.CuhkPedes, "train", id, $"{index}.png", "a person"))]);
        var root = TestDataset.Write(directory, DatasetFormat.CuhkPedes, entries);

        var dataset = TestDataset.Load(root);

        Assert.All(dataset.Train, image => Assert.Equal(image.PersonId - 1, image.Label));
    }

    [Fact]
    public void Queries_CarryEveryCaptionWithItsPersonId()
    {
        using var directory = new TempDirectory();
        var root = TestDataset.WriteTypical(directory, DatasetFormat.CuhkPedes);

        var queries = TestDataset.Load(root).Queries(DatasetSplit.Test);

        Assert.Equal(
            [new TextQuery("an old man with a cane", 31), new TextQuery("a cyclist in green", 21), new TextQuery("green jacket on a bike", 21)],
            queries);
    }
}
