using System.Text.Json;

namespace VfeTps.Stream.Training.Configuration;

/// <summary>JSON form of <see cref="ModelConfig"/> (checkpoints, model manifests, config files).</summary>
public static class ModelConfigJson
{
    public static string Serialize(ModelConfig config) => JsonSerializer.Serialize(config, ConfigurationJson.Options);

    public static ModelConfig Deserialize(string json)
    {
        try
        {
            var config = JsonSerializer.Deserialize<ModelConfig>(json, ConfigurationJson.Options)
                ?? throw new JsonException("the document is null.");
            return config.Validated();
        }
        catch (JsonException e)
        {
            throw new InvalidDataException("The model configuration is not valid JSON for a ModelConfig: " + e.Message, e);
        }
    }
}
