using System.Text.Encodings.Web;
using System.Text.Json;

namespace VfeTps.Stream.Datasets;

/// <summary>
/// Evaluation queries kept apart from a data set, as a JSON array <c>[{ "caption": "…", "id": 12 }]</c>,
/// so that different query sets (operator-style wording, other languages) can be evaluated against
/// the same gallery. <c>id</c> is the person id of the data set file.
/// </summary>
public static class QueryFile
{
    private const string What = "query file";
    private const string CaptionField = "caption";
    private const string IdField = "id";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // a data file, not HTML: keep captions readable
    };

    /// <summary>Reads a query file.</summary>
    /// <exception cref="DatasetFormatException">The file is missing, is not a JSON array, or an entry lacks a non-empty caption or an integer id.</exception>
    public static IReadOnlyList<TextQuery> Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        using var document = AnnotationFileReader.ReadArray(fullPath, What);
        var queries = new List<TextQuery>(document.RootElement.GetArrayLength());
        foreach (var element in document.RootElement.EnumerateArray())
        {
            var entry = JsonEntry.Open(What, fullPath, queries.Count, element);
            queries.Add(new TextQuery(entry.RequiredText(CaptionField), entry.RequiredInteger(IdField)));
        }

        return queries.AsReadOnly();
    }

    /// <summary>Writes queries as an indented JSON array, replacing the file and creating its folder if needed.</summary>
    /// <exception cref="ArgumentException">A query's caption is empty (it could not be read back).</exception>
    public static void Save(string path, IEnumerable<TextQuery> queries)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(queries);
        var all = queries.ToList();
        for (var index = 0; index < all.Count; index++)
        {
            if (all[index] is null || string.IsNullOrWhiteSpace(all[index].Caption))
            {
                throw new ArgumentException($"Query {index} has no caption; every query needs a non-empty caption.", nameof(queries));
            }
        }

        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        using var stream = File.Create(fullPath);
        using var writer = new Utf8JsonWriter(stream, WriterOptions);
        writer.WriteStartArray();
        foreach (var query in all)
        {
            writer.WriteStartObject();
            writer.WriteString(CaptionField, query.Caption);
            writer.WriteNumber(IdField, query.PersonId);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
