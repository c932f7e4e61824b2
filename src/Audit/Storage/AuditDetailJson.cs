using System.Text.Encodings.Web;
using System.Text.Json;

namespace VfeTps.Stream.Audit.Storage;

/// <summary>The <c>detail</c> column: a JSON object of string to string-or-null, keys in ordinal order.</summary>
internal static class AuditDetailJson
{
    /// <summary>
    /// Non-ASCII text stays readable (the column and the exports are data, never HTML); control characters
    /// are still escaped, so they are kept as data and never break a line.
    /// </summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(IReadOnlyDictionary<string, string?> detail) =>
        JsonSerializer.Serialize(new SortedDictionary<string, string?>(detail.ToDictionary(), StringComparer.Ordinal), Options);

    /// <summary>Parses a stored detail; throws <see cref="FormatException"/> when it is not an object of strings.</summary>
    public static IReadOnlyDictionary<string, string?> Read(long sequence, string json)
    {
        try
        {
            var detail = JsonSerializer.Deserialize<Dictionary<string, string?>>(json, Options)
                ?? throw new FormatException($"Audit entry {sequence} has a null detail.");
            return new SortedDictionary<string, string?>(detail, StringComparer.Ordinal);
        }
        catch (JsonException error)
        {
            throw new FormatException($"Audit entry {sequence} has a malformed detail.", error);
        }
    }
}
