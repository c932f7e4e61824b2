namespace VfeTps.Stream.Datasets;

/// <summary>Turns the path a user gives (an annotation file or a data set folder) into the annotation file.</summary>
internal static class AnnotationFileLocator
{
    public static AnnotationLocation Locate(string path, DatasetFormat? format)
    {
        var fullPath = Path.GetFullPath(path);
        if (File.Exists(fullPath))
        {
            if (format is { } named)
            {
                return new AnnotationLocation(fullPath, DatasetLayout.Of(named), "given by the caller");
            }

            var byName = DatasetLayout.All.FirstOrDefault(
                layout => string.Equals(layout.AnnotationFileName, Path.GetFileName(fullPath), StringComparison.OrdinalIgnoreCase));
            return byName is null
                ? new AnnotationLocation(fullPath, null, "detected from the entries' fields")
                : new AnnotationLocation(fullPath, byName, "detected from the file name");
        }

        if (!Directory.Exists(fullPath))
        {
            throw new DatasetFormatException($"The data set path '{fullPath}' does not exist (expected an annotation file or a data set folder).", fullPath);
        }

        if (format is { } requested)
        {
            var layout = DatasetLayout.Of(requested);
            var file = Path.Combine(fullPath, layout.AnnotationFileName);
            return File.Exists(file)
                ? new AnnotationLocation(file, layout, "given by the caller")
                : throw new DatasetFormatException(
                    $"The {layout.DisplayName} annotation file '{file}' does not exist: a {layout.DisplayName} folder holds '{layout.AnnotationFileName}'.", file);
        }

        var found = DatasetLayout.All.Where(layout => File.Exists(Path.Combine(fullPath, layout.AnnotationFileName))).ToList();
        return found.Count switch
        {
            1 => new AnnotationLocation(Path.Combine(fullPath, found[0].AnnotationFileName), found[0], "detected from the file name"),
            0 => throw new DatasetFormatException(
                $"The folder '{fullPath}' holds no data set annotation file; expected one of {ExpectedFiles(DatasetLayout.All)}.", fullPath),
            _ => throw new DatasetFormatException(
                $"The folder '{fullPath}' holds several annotation files ({ExpectedFiles(found)}); pass the file itself or name the format.", fullPath),
        };
    }

    private static string ExpectedFiles(IEnumerable<DatasetLayout> layouts) =>
        string.Join(", ", layouts.Select(layout => $"'{layout.AnnotationFileName}' ({layout.DisplayName})"));
}
