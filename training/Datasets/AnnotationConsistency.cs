namespace VfeTps.Stream.Datasets;

/// <summary>Checks that span entries: each image listed once, and ids confined to one split where the format says so.</summary>
internal static class AnnotationConsistency
{
    public static void Check(IReadOnlyList<AnnotationEntry> entries, DatasetLayout layout, string filePath)
    {
        var firstEntryByPath = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstEntryById = new Dictionary<int, AnnotationEntry>();
        foreach (var entry in entries)
        {
            var key = entry.RelativePath.Replace('\\', '/');
            if (!firstEntryByPath.TryAdd(key, entry.Index))
            {
                throw new DatasetFormatException(
                    $"The data set file '{filePath}', entries {firstEntryByPath[key]} and {entry.Index} both have {layout.PathField} '{entry.RelativePath}'; each image must be listed once.",
                    filePath,
                    entry.Index,
                    layout.PathField);
            }

            if (!layout.IdsDisjointAcrossSplits || firstEntryById.TryAdd(entry.PersonId, entry))
            {
                continue;
            }

            var earlier = firstEntryById[entry.PersonId];
            if (earlier.Split != entry.Split)
            {
                throw new DatasetFormatException(
                    $"The data set file '{filePath}', entry {entry.Index}: the field 'id' is {entry.PersonId} in split '{SplitNames.NameOf(entry.Split)}', "
                    + $"but entry {earlier.Index} has the same id in split '{SplitNames.NameOf(earlier.Split)}'; {layout.DisplayName} ids must be unique across splits.",
                    filePath,
                    entry.Index,
                    "id");
            }
        }
    }
}
