using System.Text.Json;
using System.Text.Json.Serialization;

namespace VfeTps.Stream.Training.Configuration;

/// <summary>
/// JSON settings for configuration files. Reflection-based on purpose: the source generator sets
/// every init-only property when it builds an object, so a field missing from a file would get
/// default(T) instead of the record's own default (a partial recipe must keep the paper's values).
/// </summary>
public static class ConfigurationJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter() },
    };
}
