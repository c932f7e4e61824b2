using System.Text.Json;

namespace VfeTps.Stream.Datasets;

/// <summary>
/// Tells the format of an annotation file with an unfamiliar name from its entries: <c>img_path</c>
/// means RSTPReid; <c>camera</c>, <c>viewpoint</c> or <c>attributes</c> mean SynthPedes; otherwise
/// <c>file_path</c> with a "val" split means CUHK-PEDES and without one ICFG-PEDES.
/// </summary>
internal static class FormatDetector
{
    public static DatasetLayout FromFields(JsonElement entries, string filePath)
    {
        var objects = entries.EnumerateArray().Where(entry => entry.ValueKind == JsonValueKind.Object).ToList();
        if (objects.Count == 0)
        {
            throw Undetectable(filePath, "it holds no JSON objects");
        }

        if (objects.Any(entry => entry.TryGetProperty(DatasetLayout.RstpReid.PathField, out _)))
        {
            return DatasetLayout.RstpReid;
        }

        string[] syntheticFields = ["camera", "viewpoint", "attributes"];
        if (objects.Any(entry => syntheticFields.Any(field => entry.TryGetProperty(field, out _))))
        {
            return DatasetLayout.SynthPedes;
        }

        if (!objects.Any(entry => entry.TryGetProperty(DatasetLayout.CuhkPedes.PathField, out _)))
        {
            throw Undetectable(filePath, $"no entry has an image path field ('{DatasetLayout.CuhkPedes.PathField}' or '{DatasetLayout.RstpReid.PathField}')");
        }

        var hasValidation = objects.Any(entry =>
            entry.TryGetProperty("split", out var split)
            && split.ValueKind == JsonValueKind.String
            && split.ValueEquals(SplitNames.Validation));
        return hasValidation ? DatasetLayout.CuhkPedes : DatasetLayout.IcfgPedes;
    }

    private static DatasetFormatException Undetectable(string filePath, string reason) =>
        new($"The format of the data set file '{filePath}' cannot be told from its name or fields ({reason}); name the format when loading it.", filePath);
}
