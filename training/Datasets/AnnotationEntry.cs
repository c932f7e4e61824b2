using System.Text.Json.Nodes;

namespace VfeTps.Stream.Datasets;

/// <summary>One validated entry of an annotation file, before identities are labelled.</summary>
internal sealed record AnnotationEntry(
    int Index,
    DatasetSplit Split,
    int PersonId,
    string RelativePath,
    IReadOnlyList<string> Captions,
    int? Camera,
    string? Viewpoint,
    JsonObject? Attributes);
