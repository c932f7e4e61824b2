using System.Text.Json.Nodes;

namespace VfeTps.Stream.Datasets;

/// <summary>One image of a person with its captions.</summary>
/// <param name="ImagePath">Absolute path of the image file.</param>
/// <param name="RelativePath">The path as written in the annotation file.</param>
/// <param name="PersonId">The identity as written in the annotation file; evaluation matches queries to the gallery by it.</param>
/// <param name="Label">The identity renumbered 0, 1, 2, … within its split (ascending <see cref="PersonId"/>); what identity losses use.</param>
/// <param name="Captions">One or more descriptions of the person in this image.</param>
/// <param name="Camera">The camera, where the format records one (SynthPedes).</param>
/// <param name="Viewpoint">The viewpoint, where the format records one (SynthPedes).</param>
/// <param name="Attributes">The generator's attributes (SynthPedes); treat as read-only.</param>
public sealed record PersonImage(
    string ImagePath,
    string RelativePath,
    int PersonId,
    int Label,
    IReadOnlyList<string> Captions,
    int? Camera,
    string? Viewpoint,
    JsonObject? Attributes);
