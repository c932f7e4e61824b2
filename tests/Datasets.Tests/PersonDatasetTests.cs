namespace VfeTps.Stream.Datasets.Tests;

public sealed class PersonDatasetTests
{
    [Fact]
    public void Constructor_RejectsTwoLabelsForOnePerson()
    {
        PersonImage[] train = [Image(personId: 4, label: 0), Image(personId: 4, label: 1)];

        var exception = Assert.Throws<ArgumentException>(() => Create(train));

        Assert.Contains("person id 4", exception.Message);
    }

    [Fact]
    public void Constructor_RejectsLabelsWithGaps()
    {
        PersonImage[] train = [Image(personId: 4, label: 0), Image(personId: 9, label: 2)];

        Assert.Throws<ArgumentException>(() => Create(train));
    }

    [Fact]
    public void SplitAndIdentityCount_AnswerPerSplit()
    {
        PersonImage[] train = [Image(4, 0), Image(9, 1), Image(4, 0)];

        var dataset = Create(train);

        Assert.Same(dataset.Train, dataset.Split(DatasetSplit.Train));
        Assert.Equal(2, dataset.IdentityCount(DatasetSplit.Train));
        Assert.Equal(0, dataset.IdentityCount(DatasetSplit.Test));
    }

    private static PersonDataset Create(IReadOnlyList<PersonImage> train) =>
        new("Test", DatasetFormat.CuhkPedes, "/data/test", train, [], [], "a test data set");

    private static PersonImage Image(int personId, int label) =>
        new($"/data/test/imgs/{personId}.png", $"{personId}.png", personId, label, ["a person"], null, null, null);
}
