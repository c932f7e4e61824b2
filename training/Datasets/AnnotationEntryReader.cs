using System.Collections.ObjectModel;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VfeTps.Stream.Datasets;

/// <summary>Reads and checks the entries of an annotation file against its format.</summary>
internal static class AnnotationEntryReader
{
    private const string What = "data set file";
    private const string SplitField = "split";
    private const string IdField = "id";
    private const string CaptionsField = "captions";
    private const string CameraField = "camera";
    private const string ViewpointField = "viewpoint";
    private const string AttributesField = "attributes";
    private const int CancellationCheckInterval = 1024;

    public static List<AnnotationEntry> ReadAll(JsonElement entries, DatasetLayout layout, string filePath, CancellationToken cancellationToken)
    {
        var result = new List<AnnotationEntry>(entries.GetArrayLength());
        var index = 0;
        foreach (var element in entries.EnumerateArray())
        {
            if (index % CancellationCheckInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            result.Add(Read(JsonEntry.Open(What, filePath, index, element), layout));
            index++;
        }

        return result;
    }

    private static AnnotationEntry Read(JsonEntry entry, DatasetLayout layout)
    {
        var relativePath = ReadImagePath(entry, layout);
        entry.Context = $"{layout.PathField} '{relativePath}'";
        var split = ReadSplit(entry, layout);
        var personId = ReadPersonId(entry, layout);
        var captions = ReadCaptions(entry);
        int? camera = null;
        string? viewpoint = null;
        JsonObject? attributes = null;
        if (layout.HasSyntheticFields)
        {
            camera = entry.TryGetOptional(CameraField, out var cameraValue) ? entry.Integer(CameraField, cameraValue) : null;
            viewpoint = entry.TryGetOptional(ViewpointField, out var viewpointValue) ? entry.Text(ViewpointField, viewpointValue) : null;
            attributes = entry.TryGetOptional(AttributesField, out var attributesValue)
                ? attributesValue.ValueKind == JsonValueKind.Object
                    ? JsonTreeCopy.Object(attributesValue)
                    : throw entry.WrongType(AttributesField, "a JSON object", attributesValue)
                : null;
        }

        return new AnnotationEntry(entry.Index, split, personId, relativePath, captions, camera, viewpoint, attributes);
    }

    private static string ReadImagePath(JsonEntry entry, DatasetLayout layout)
    {
        var path = entry.RequiredText(layout.PathField);
        return Path.IsPathRooted(path)
            ? throw entry.Error(layout.PathField, $"the field '{layout.PathField}' is the absolute path '{path}'; it must be relative to {layout.ImageFolderDescription}")
            : path;
    }

    private static DatasetSplit ReadSplit(JsonEntry entry, DatasetLayout layout)
    {
        var name = entry.RequiredText(SplitField);
        return SplitNames.TryParse(name, layout, out var split)
            ? split
            : throw entry.Error(SplitField, $"the field '{SplitField}' is the unknown split '{name}'; {layout.DisplayName} splits are {SplitNames.Allowed(layout)}");
    }

    private static int ReadPersonId(JsonEntry entry, DatasetLayout layout)
    {
        var id = entry.RequiredInteger(IdField);
        return id >= layout.FirstPersonId
            ? id
            : throw entry.Error(IdField, $"the field '{IdField}' is {id}, but {layout.DisplayName} ids start at {layout.FirstPersonId}");
    }

    private static ReadOnlyCollection<string> ReadCaptions(JsonEntry entry)
    {
        var value = entry.Required(CaptionsField);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw entry.WrongType(CaptionsField, "an array of strings", value);
        }

        var captions = new string[value.GetArrayLength()];
        if (captions.Length == 0)
        {
            throw entry.Error(CaptionsField, $"the field '{CaptionsField}' is an empty array; every image needs at least one caption");
        }

        var position = 0;
        foreach (var caption in value.EnumerateArray())
        {
            captions[position] = caption.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(caption.GetString())
                ? caption.GetString()!
                : throw entry.Error(
                    CaptionsField, $"the field '{CaptionsField}' has {JsonText.Describe(caption)} at position {position}; captions must be non-empty strings");
            position++;
        }

        return Array.AsReadOnly(captions);
    }
}
