using System.Text.Json;
using VfeTps.Stream.Training.Configuration;

namespace VfeTps.Stream.Training.Trainer;

/// <summary>Reads and writes training recipe files (JSON; every field optional, defaults = the paper).</summary>
public static class TrainingRecipeJson
{
    public static TrainingRecipe Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"Training recipe '{path}' does not exist.", path);
        try
        {
            var recipe = JsonSerializer.Deserialize<TrainingRecipe>(File.ReadAllText(path), ConfigurationJson.Options)
                ?? throw new JsonException("the document is null.");
            return recipe.Validated();
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Training recipe '{path}' is not valid: {e.Message}", e);
        }
    }

    public static string Serialize(TrainingRecipe recipe) => JsonSerializer.Serialize(recipe, ConfigurationJson.Options);

    public static void Save(string path, TrainingRecipe recipe) => File.WriteAllText(path, Serialize(recipe));
}
