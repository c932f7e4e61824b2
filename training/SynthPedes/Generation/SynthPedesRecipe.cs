using System.Text.Json;

namespace VfeTps.Stream.SynthPedes;

/// <summary>
/// The options that decide a data set's bytes, written beside it as <c>synthpedes-options.json</c>,
/// so that anyone holding the set (or a model trained on it) can regenerate it exactly — for
/// example only its test split, to check a published model's recorded metrics.
/// </summary>
public sealed record SynthPedesRecipe(
    int GeneratorVersion,
    int Seed,
    int TrainIdentities,
    int ValidationIdentities,
    int TestIdentities,
    int MinImagesPerIdentity,
    int MaxImagesPerIdentity,
    int CameraCount,
    int ImageWidth,
    int ImageHeight,
    int JpegQualityMin,
    int JpegQualityMax,
    double SiblingShare,
    double OcclusionProbability,
    float NoiseStrength,
    float BlurStrength,
    int ContactSheetIdentities)
{
    public const string FileName = "synthpedes-options.json";

    /// <summary>
    /// Bumped whenever the same options would render different bytes (a renderer, caption or
    /// degradation change), so a recorded result can tell that it no longer applies.
    /// </summary>
    public const int CurrentGeneratorVersion = 1;

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static SynthPedesRecipe From(SynthPedesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(CurrentGeneratorVersion, options.Seed, options.TrainIdentities, options.ValidationIdentities, options.TestIdentities, options.MinImagesPerIdentity,
            options.MaxImagesPerIdentity, options.CameraCount, options.ImageWidth, options.ImageHeight, options.JpegQualityMin, options.JpegQualityMax,
            options.SiblingShare, options.OcclusionProbability, options.NoiseStrength, options.BlurStrength, options.ContactSheetIdentities);
    }

    /// <summary>Options that regenerate the set into <paramref name="outputDirectory"/>.</summary>
    public SynthPedesOptions ToOptions(string outputDirectory) => new()
    {
        OutputDirectory = outputDirectory,
        Seed = Seed,
        TrainIdentities = TrainIdentities,
        ValidationIdentities = ValidationIdentities,
        TestIdentities = TestIdentities,
        MinImagesPerIdentity = MinImagesPerIdentity,
        MaxImagesPerIdentity = MaxImagesPerIdentity,
        CameraCount = CameraCount,
        ImageWidth = ImageWidth,
        ImageHeight = ImageHeight,
        JpegQualityMin = JpegQualityMin,
        JpegQualityMax = JpegQualityMax,
        SiblingShare = SiblingShare,
        OcclusionProbability = OcclusionProbability,
        NoiseStrength = NoiseStrength,
        BlurStrength = BlurStrength,
        ContactSheetIdentities = ContactSheetIdentities,
    };

    public string ToJson() => JsonSerializer.Serialize(this, s_json);

    public static SynthPedesRecipe FromJson(string json) =>
        JsonSerializer.Deserialize<SynthPedesRecipe>(json, s_json) ?? throw new JsonException("A SynthPedes options file holds null.");

    /// <summary>Reads the options file of a data set folder, or null when the folder has none.</summary>
    public static SynthPedesRecipe? TryRead(string datasetDirectory)
    {
        var path = Path.Combine(datasetDirectory, FileName);
        return File.Exists(path) ? FromJson(File.ReadAllText(path)) : null;
    }
}
