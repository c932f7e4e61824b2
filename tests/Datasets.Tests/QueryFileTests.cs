namespace VfeTps.Stream.Datasets.Tests;

public sealed class QueryFileTests
{
    [Fact]
    public void SaveThenLoad_GivesTheSameQueries()
    {
        using var directory = new TempDirectory();
        var path = directory.PathOf("queries.json");
        TextQuery[] queries =
        [
            new("a man in a red coat with a black backpack", 12),
            new("woman's \"white\" shoes, café umbrella", 3),
            new("私は赤いコートを着ています", 0),
        ];

        QueryFile.Save(path, queries);
        var loaded = QueryFile.Load(path);

        Assert.Equal(queries, loaded);
        Assert.Contains("\"caption\": \"a man in a red coat with a black backpack\"", File.ReadAllText(path));
        Assert.Contains("\"id\": 12", File.ReadAllText(path));
    }

    [Fact]
    public void DatasetQueries_CanBeSavedAndEvaluatedLater()
    {
        using var directory = new TempDirectory();
        var root = TestDataset.WriteTypical(directory, DatasetFormat.RstpReid);
        var dataset = TestDataset.Load(root);
        var path = directory.PathOf("test-queries.json");

        QueryFile.Save(path, dataset.Queries(DatasetSplit.Test));

        Assert.Equal(dataset.Queries(DatasetSplit.Test), QueryFile.Load(path));
    }

    [Fact]
    public void EmptyArray_IsNoQueries()
    {
        using var directory = new TempDirectory();
        var path = directory.PathOf("none.json");
        File.WriteAllText(path, "[]");

        Assert.Empty(QueryFile.Load(path));
    }

    [Theory]
    [InlineData("""[{ "caption": "a man", "id": 1 }, { "id": 2 }]""", "entry 1", "'caption' is missing")]
    [InlineData("""[{ "caption": "a man", "id": 1 }, { "caption": "a woman" }]""", "entry 1", "'id' is missing")]
    [InlineData("""[{ "caption": "a man", "id": "7" }]""", "entry 0", "'id' must be an integer")]
    [InlineData("""[{ "caption": "", "id": 7 }]""", "entry 0", "'caption' is empty")]
    [InlineData("""[{ "caption": ["a man"], "id": 7 }]""", "entry 0", "'caption' must be a string")]
    [InlineData("""[["a man", 7]]""", "entry 0", "must be a JSON object")]
    [InlineData("""{ "caption": "a man", "id": 7 }""", "", "must hold a JSON array")]
    [InlineData("""[{ "caption": "a man", "id": 7 }""", "", "is not valid JSON")]
    public void MalformedQueryFile_IsReported(string content, string entry, string problem)
    {
        using var directory = new TempDirectory();
        var path = directory.PathOf("queries.json");
        File.WriteAllText(path, content);

        var exception = Assert.Throws<DatasetFormatException>(() => QueryFile.Load(path));

        Assert.Contains(path, exception.Message);
        Assert.Contains(entry, exception.Message);
        Assert.Contains(problem, exception.Message);
    }

    [Fact]
    public void MissingQueryFile_IsReported()
    {
        using var directory = new TempDirectory();
        var path = directory.PathOf("absent.json");

        var exception = Assert.Throws<DatasetFormatException>(() => QueryFile.Load(path));

        Assert.Contains(path, exception.Message);
        Assert.Contains("does not exist", exception.Message);
    }

    [Fact]
    public void Save_RejectsAQueryWithoutCaption()
    {
        using var directory = new TempDirectory();
        var path = directory.PathOf("queries.json");

        var exception = Assert.Throws<ArgumentException>(() => QueryFile.Save(path, [new("a man", 1), new(" ", 2)]));

        Assert.Contains("Query 1", exception.Message);
        Assert.False(File.Exists(path));
    }
}
