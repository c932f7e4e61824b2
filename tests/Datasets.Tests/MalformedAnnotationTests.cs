using System.Text.Json.Nodes;

namespace VfeTps.Stream.Datasets.Tests;

/// <summary>Every malformed file or entry gives one <see cref="DatasetFormatException"/> that names the file, entry and field.</summary>
public sealed class MalformedAnnotationTests
{
    private const int BrokenEntry = 2;

    [Theory]
    [InlineData("missing captions", "captions", "is missing")]
    [InlineData("missing file_path", "file_path", "is missing")]
    [InlineData("missing id", "id", "is missing")]
    [InlineData("missing split", "split", "is missing")]
    [InlineData("id as string", "id", "must be an integer, but is a string (\"12\")")]
    [InlineData("fractional id", "id", "must be an integer, but is the number 3.5")]
    [InlineData("id below one", "id", "ids start at 1")]
    [InlineData("captions as string", "captions", "must be an array of strings")]
    [InlineData("empty captions", "captions", "empty array")]
    [InlineData("blank caption", "captions", "at position 1")]
    [InlineData("numeric caption", "captions", "the number 5 at position 0")]
    [InlineData("unknown split", "split", "unknown split 'dev'")]
    [InlineData("numeric split", "split", "must be a string")]
    [InlineData("numeric file_path", "file_path", "must be a string")]
    [InlineData("empty file_path", "file_path", "is empty")]
    [InlineData("absolute file_path", "file_path", "absolute path")]
    public void MalformedEntry_IsReportedWithItsIndexAndField(string brokenCase, string field, string problem)
    {
        using var directory = new TempDirectory();
        var entries = ValidEntries();
        Break(entries[BrokenEntry]!.AsObject(), brokenCase);
        var root = TestDataset.Write(directory, DatasetFormat.CuhkPedes, entries);

        var exception = Assert.Throws<DatasetFormatException>(() => TestDataset.Load(root));

        Assert.Contains(Path.Combine(root, "reid_raw.json"), exception.Message);
        Assert.Contains($"entry {BrokenEntry}", exception.Message);
        Assert.Contains($"'{field}'", exception.Message);
        Assert.Contains(problem, exception.Message);
        Assert.Equal(BrokenEntry, exception.EntryIndex);
        Assert.Equal(field, exception.Field);
    }

    [Fact]
    public void EntryThatIsNotAnObject_IsReported()
    {
        using var directory = new TempDirectory();
        var entries = ValidEntries();
        entries[BrokenEntry] = "train/c.jpg";
        var root = TestDataset.Write(directory, DatasetFormat.CuhkPedes, entries);

        var exception = Assert.Throws<DatasetFormatException>(() => TestDataset.Load(root));

        Assert.Contains($"entry {BrokenEntry}", exception.Message);
        Assert.Contains("must be a JSON object", exception.Message);
    }

    [Fact]
    public void SynthPedesExtraOfTheWrongType_IsReported()
    {
        using var directory = new TempDirectory();
        var entry = TestDataset.Entry(DatasetFormat.SynthPedes, "train", 1, "a.png", "a man");
        entry["attributes"] = "red coat";
        var root = TestDataset.Write(directory, DatasetFormat.SynthPedes, [entry]);

        var exception = Assert.Throws<DatasetFormatException>(() => TestDataset.Load(root));

        Assert.Contains("entry 0", exception.Message);
        Assert.Contains("'attributes' must be a JSON object", exception.Message);
    }

    [Fact]
    public void DuplicateImagePaths_NameBothEntries()
    {
        using var directory = new TempDirectory();
        var entries = ValidEntries();
        entries[BrokenEntry]!["file_path"] = "train/a.jpg";
        var root = TestDataset.Write(directory, DatasetFormat.CuhkPedes, entries);

        var exception = Assert.Throws<DatasetFormatException>(() => TestDataset.Load(root));

        Assert.Contains("entries 0 and 2", exception.Message);
        Assert.Contains("'train/a.jpg'", exception.Message);
        Assert.Equal("file_path", exception.Field);
    }

    [Theory]
    [InlineData("{ not json", "is not valid JSON")]
    [InlineData("", "is not valid JSON")]
    [InlineData("""{ "images": [] }""", "must hold a JSON array of entries at the top level, but holds an object")]
    [InlineData("[]", "empty array")]
    public void MalformedFile_IsReportedWithItsPath(string content, string problem)
    {
        using var directory = new TempDirectory();
        var path = directory.PathOf("reid_raw.json");
        File.WriteAllText(path, content);

        var exception = Assert.Throws<DatasetFormatException>(() => TestDataset.Load(path));

        Assert.Contains(path, exception.Message);
        Assert.Contains(problem, exception.Message);
        Assert.Equal(path, exception.FilePath);
    }

    [Fact]
    public void FileWithAByteOrderMark_Loads()
    {
        using var directory = new TempDirectory();
        var root = TestDataset.Write(directory, DatasetFormat.CuhkPedes, ValidEntries());
        var path = Path.Combine(root, "reid_raw.json");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(path)]);

        Assert.Equal(3, TestDataset.Load(path).Train.Count);
    }

    private static JsonArray ValidEntries() =>
    [
        TestDataset.Entry(DatasetFormat.CuhkPedes, "train", 1, "train/a.jpg", "a man"),
        TestDataset.Entry(DatasetFormat.CuhkPedes, "train", 2, "train/b.jpg", "a woman"),
        TestDataset.Entry(DatasetFormat.CuhkPedes, "train", 3, "train/c.jpg", "a child", "a small child"),
        TestDataset.Entry(DatasetFormat.CuhkPedes, "test", 4, "test/d.jpg", "a cyclist"),
    ];

    private static void Break(JsonObject entry, string brokenCase)
    {
        switch (brokenCase)
        {
            case "missing captions": entry.Remove("captions"); break;
            case "missing file_path": entry.Remove("file_path"); break;
            case "missing id": entry.Remove("id"); break;
            case "missing split": entry.Remove("split"); break;
            case "id as string": entry["id"] = "12"; break;
            case "fractional id": entry["id"] = 3.5; break;
            case "id below one": entry["id"] = 0; break;
            case "captions as string": entry["captions"] = "a man in red"; break;
            case "empty captions": entry["captions"] = new JsonArray(); break;
            case "blank caption": entry["captions"] = new JsonArray("a man", "   "); break;
            case "numeric caption": entry["captions"] = new JsonArray(5); break;
            case "unknown split": entry["split"] = "dev"; break;
            case "numeric split": entry["split"] = 1; break;
            case "numeric file_path": entry["file_path"] = 17; break;
            case "empty file_path": entry["file_path"] = ""; break;
            case "absolute file_path": entry["file_path"] = "/data/imgs/c.jpg"; break;
            default: throw new ArgumentOutOfRangeException(nameof(brokenCase), brokenCase, "Unknown case.");
        }
    }
}
