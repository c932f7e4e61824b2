using System.Text.Json.Serialization;

namespace VfeTps.Stream.SynthPedes;

/// <summary>
/// One image in <c>synthpedes.json</c>: the CUHK-PEDES fields (split, captions, file_path, id) plus the ground
/// truth (attributes, camera, viewpoint) so an evaluation can write its own queries.
/// </summary>
public sealed record AnnotationEntry
{
    /// <summary>"train", "val" or "test" (<see cref="SplitNames"/>).</summary>
    public required string Split { get; init; }

    public required IReadOnlyList<string> Captions { get; init; }

    /// <summary>Image path relative to the data set folder, with forward slashes.</summary>
    [JsonPropertyName("file_path")]
    public required string FilePath { get; init; }

    /// <summary>1-based person id, unique across all splits.</summary>
    public required int Id { get; init; }

    public required PedestrianAttributes Attributes { get; init; }

    /// <summary>1-based camera number.</summary>
    public required int Camera { get; init; }

    public required Viewpoint Viewpoint { get; init; }
}
