using System.Text.Json;

namespace VfeTps.Stream.SynthPedes;

/// <summary>Reads and writes <c>synthpedes.json</c>.</summary>
public static class SynthPedesAnnotations
{
    public const string FileName = "synthpedes.json";

    public static void Write(string path, List<AnnotationEntry> entries)
    {
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, entries, SynthPedesJsonContext.Default.ListAnnotationEntry);
    }

    public static List<AnnotationEntry> Read(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize(stream, SynthPedesJsonContext.Default.ListAnnotationEntry)
            ?? throw new InvalidDataException($"{path} does not hold an annotation array.");
    }
}
