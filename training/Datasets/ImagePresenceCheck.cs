namespace VfeTps.Stream.Datasets;

/// <summary>
/// Checks at load time that every referenced image exists, so that a broken data set fails in
/// seconds with one list instead of hours into training on the first missing file.
/// </summary>
internal static class ImagePresenceCheck
{
    private const int ShownPaths = 5;
    private const int CancellationCheckInterval = 1024;

    /// <summary>Absolute image paths, in entry order; throws when any is missing.</summary>
    public static string[] Resolve(
        IReadOnlyList<AnnotationEntry> entries, DatasetLayout layout, string root, string filePath, CancellationToken cancellationToken)
    {
        var imageDirectory = layout.ImageDirectory(root);
        var paths = new string[entries.Count];
        var missing = new List<string>();
        for (var index = 0; index < entries.Count; index++)
        {
            if (index % CancellationCheckInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            paths[index] = Path.GetFullPath(Path.Combine(imageDirectory, entries[index].RelativePath));
            if (!File.Exists(paths[index]))
            {
                missing.Add(paths[index]);
            }
        }

        if (missing.Count > 0)
        {
            var shown = string.Join(", ", missing.Take(ShownPaths).Select(path => $"'{path}'"));
            var more = missing.Count > ShownPaths ? $" and {missing.Count - ShownPaths} more" : string.Empty;
            throw new DatasetFormatException(
                $"The data set file '{filePath}' refers to {missing.Count} of {entries.Count} images that do not exist "
                + $"(images are expected under {layout.ImageFolderDescription} at '{imageDirectory}'): {shown}{more}.",
                filePath,
                field: layout.PathField);
        }

        return paths;
    }
}
