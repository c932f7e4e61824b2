using System.Text.Json.Serialization;

namespace VfeTps.Stream.Training.Configuration;

/// <summary>Shape of the CLIP vision transformer (the image tower).</summary>
public sealed record ImageTowerConfig
{
    public required int Height { get; init; }
    public required int Width { get; init; }
    public required int PatchSize { get; init; }
    public required int ModelWidth { get; init; }
    public required int Layers { get; init; }
    public required int Heads { get; init; }

    [JsonIgnore]
    public int GridHeight => Height / PatchSize;
    [JsonIgnore]
    public int GridWidth => Width / PatchSize;
    [JsonIgnore]
    public int PatchCount => GridHeight * GridWidth;

    internal void Validate()
    {
        ConfigGuard.Positive(Height, nameof(Height));
        ConfigGuard.Positive(Width, nameof(Width));
        ConfigGuard.Positive(PatchSize, nameof(PatchSize));
        ConfigGuard.Positive(Layers, nameof(Layers));
        ConfigGuard.DivisibleBy(Height, PatchSize, "image height", "patch size");
        ConfigGuard.DivisibleBy(Width, PatchSize, "image width", "patch size");
        ConfigGuard.DivisibleBy(ModelWidth, Heads, "image tower width", "its head count");
    }
}
