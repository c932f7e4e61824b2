using System.Text.Json.Nodes;

namespace VfeTps.Stream.Datasets.Tests;

/// <summary>Writes small data sets in each format: an annotation file and placeholder image files.</summary>
internal static class TestDataset
{
    /// <summary>Loads with the test's cancellation token, so a stuck load ends with the test run.</summary>
    public static PersonDataset Load(string path, DatasetFormat? format = null) =>
        PersonDatasetLoader.Load(path, format, TestContext.Current.CancellationToken);

    public static string AnnotationFileName(DatasetFormat format) => format switch
    {
        DatasetFormat.CuhkPedes => "reid_raw.json",
        DatasetFormat.IcfgPedes => "ICFG-PEDES.json",
        DatasetFormat.RstpReid => "data_captions.json",
        _ => "synthpedes.json",
    };

    public static string PathField(DatasetFormat format) => format == DatasetFormat.RstpReid ? "img_path" : "file_path";

    /// <summary>Where the format keeps images, relative to the data set folder.</summary>
    public static string ImageFolder(DatasetFormat format) => format == DatasetFormat.SynthPedes ? string.Empty : "imgs";

    /// <summary>An entry with the format's path field; extra fields as the real files have them.</summary>
    public static JsonObject Entry(DatasetFormat format, string split, int id, string imagePath, params string[] captions)
    {
        var entry = new JsonObject
        {
            ["split"] = split,
            ["captions"] = new JsonArray([.. captions.Select(caption => (JsonNode?)JsonValue.Create(caption))]),
            [PathField(format)] = imagePath,
            ["id"] = id,
        };
        if (format == DatasetFormat.SynthPedes)
        {
            entry["attributes"] = new JsonObject { ["upper_color"] = "red", ["bag"] = true, ["height_cm"] = 172 };
            entry["camera"] = 2;
            entry["viewpoint"] = "front";
        }
        else if (format != DatasetFormat.RstpReid)
        {
            entry["processed_tokens"] = new JsonArray(new JsonArray("a", "man"));
        }

        return entry;
    }

    /// <summary>A data set with train, validation (where the format has it) and test images; returns its folder.</summary>
    public static string WriteTypical(TempDirectory directory, DatasetFormat format, string folderName = "dataset")
    {
        var withValidation = format != DatasetFormat.IcfgPedes;
        var firstId = format is DatasetFormat.CuhkPedes or DatasetFormat.SynthPedes ? 1 : 0;
        var entries = new JsonArray
        {
            Entry(format, "train", firstId + 4, "train/p4_a.jpg", "a man in a red coat", "red coat, black bag"),
            Entry(format, "train", firstId + 1, "train/p1_a.jpg", "a woman with a blue umbrella"),
            Entry(format, "train", firstId + 4, "train/p4_b.jpg", "the man in red again"),
            Entry(format, "train", firstId + 9, "train/p9_a.jpg", "a child in yellow"),
            Entry(format, "test", firstId + 30, "test/p30_a.jpg", "an old man with a cane"),
            Entry(format, "test", firstId + 20, "test/p20_a.jpg", "a cyclist in green", "green jacket on a bike"),
        };
        if (withValidation)
        {
            entries.Add(Entry(format, "val", firstId + 12, "val/p12_a.jpg", "a girl in a white dress"));
        }

        return Write(directory, format, entries, folderName);
    }

    /// <summary>Writes the entries and a placeholder file for every image they name; returns the data set folder.</summary>
    public static string Write(TempDirectory directory, DatasetFormat format, JsonArray entries, string folderName = "dataset")
    {
        var root = Directory.CreateDirectory(directory.PathOf(folderName)).FullName;
        WriteJson(Path.Combine(root, AnnotationFileName(format)), entries);
        foreach (var entry in entries.OfType<JsonObject>())
        {
            // Only well-formed relative paths: a test's broken path must never create a file outside its folder.
            if (entry[PathField(format)] is JsonValue value
                && value.TryGetValue<string>(out var relativePath)
                && !string.IsNullOrWhiteSpace(relativePath)
                && !Path.IsPathRooted(relativePath))
            {
                TouchImage(root, format, relativePath);
            }
        }

        return root;
    }

    public static void TouchImage(string root, DatasetFormat format, string relativePath)
    {
        var path = Path.Combine(root, ImageFolder(format), relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [0xFF, 0xD8, 0xFF]); // the loader checks existence only
    }

    public static void WriteJson(string path, JsonNode node) => File.WriteAllText(path, node.ToJsonString());
}
