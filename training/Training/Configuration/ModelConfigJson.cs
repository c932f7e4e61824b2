using System.Text.Json;
using System.Text.Json.Serialization;

namespace VfeTps.Stream.Training.Configuration;

/// <summary>JSON form of <see cref="ModelConfig"/> (checkpoints, model manifests, config files).</summary>
public static class ModelConfigJson
{
    public static string Serialize(ModelConfig config) =>
        JsonSerializer.Serialize(config, ModelConfigJsonContext.Default.ModelConfig);

    public static ModelConfig Deserialize(string json)
    {
        try
        {
            var config = JsonSerializer.Deserialize(json, ModelConfigJsonContext.Default.ModelConfig)
                ?? throw new JsonException("the document is null.");
            return config.Validated();
        }
        catch (JsonException e)
        {
            throw new InvalidDataException("The model configuration is not valid JSON for a ModelConfig: " + e.Message, e);
        }
    }
}

[JsonSourceGenerationOptions(WriteIndented = true, UseStringEnumConverter = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ModelConfig))]
internal sealed partial class ModelConfigJsonContext : JsonSerializerContext;
