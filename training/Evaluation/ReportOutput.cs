using System.Text.Json;

namespace VfeTps.Stream.Evaluation;

/// <summary>Shared file conventions of the reports: naming, JSON settings, writing both files.</summary>
internal static class ReportOutput
{
    /// <summary>camelCase and indented, so the files diff well and read naturally from scripts.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Writes <c>name.json</c> and <c>name.md</c> into <paramref name="directory"/> (created if missing).</summary>
    public static ReportFiles Write<TDocument>(string directory, string name, TDocument document, string markdown)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ValidateName(name);
        var folder = Directory.CreateDirectory(directory).FullName;
        var files = new ReportFiles(Path.Combine(folder, name + ".json"), Path.Combine(folder, name + ".md"));
        File.WriteAllText(files.JsonPath, JsonSerializer.Serialize(document, Json) + "\n");
        File.WriteAllText(files.MarkdownPath, markdown);
        return files;
    }

    private static void ValidateName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name is "." or ".." || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains('\\'))
        {
            throw new ArgumentException($"'{name}' is not a plain file name.", nameof(name));
        }
    }
}
