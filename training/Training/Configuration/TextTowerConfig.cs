namespace VfeTps.Stream.Training.Configuration;

/// <summary>Shape of the CLIP text transformer (the text tower).</summary>
public sealed record TextTowerConfig
{
    public required int ContextLength { get; init; }
    public required int VocabularySize { get; init; }
    public required int ModelWidth { get; init; }
    public required int Layers { get; init; }
    public required int Heads { get; init; }

    internal void Validate()
    {
        ConfigGuard.Positive(ContextLength, nameof(ContextLength));
        ConfigGuard.Positive(VocabularySize, nameof(VocabularySize));
        ConfigGuard.Positive(Layers, nameof(Layers));
        ConfigGuard.DivisibleBy(ModelWidth, Heads, "text tower width", "its head count");
    }
}
