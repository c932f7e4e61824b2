using System.Text.Json;
using System.Text.Json.Serialization;

namespace VfeTps.Stream.Training.Trainer;

/// <summary>metrics.jsonl: one <see cref="EpochRecord"/> per line, appended as epochs finish.</summary>
public static class MetricsLog
{
    public static void Append(string path, EpochRecord record) =>
        File.AppendAllText(path, JsonSerializer.Serialize(record, EpochRecordJsonContext.Default.EpochRecord) + "\n");

    public static IReadOnlyList<EpochRecord> Read(string path) =>
        !File.Exists(path)
            ? []
            : File.ReadLines(path)
                .Where(line => line.Length > 0)
                .Select(line => JsonSerializer.Deserialize(line, EpochRecordJsonContext.Default.EpochRecord)!)
                .ToList();

    /// <summary>Drops records of epochs at or after <paramref name="epoch"/> (a resumed run redoes them).</summary>
    public static void TruncateFrom(string path, int epoch)
    {
        var kept = Read(path).Where(r => r.Epoch < epoch).ToList();
        File.WriteAllLines(path, kept.Select(r => JsonSerializer.Serialize(r, EpochRecordJsonContext.Default.EpochRecord)));
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EpochRecord))]
internal sealed partial class EpochRecordJsonContext : JsonSerializerContext;
