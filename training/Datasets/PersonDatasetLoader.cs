using System.Collections.ObjectModel;

namespace VfeTps.Stream.Datasets;

/// <summary>
/// Loads CUHK-PEDES, ICFG-PEDES, RSTPReid and SynthPedes through one code path. Everything is
/// checked at load (fields, splits, duplicates, that every image exists); images are not decoded.
/// </summary>
public static class PersonDatasetLoader
{
    /// <summary>Loads a data set.</summary>
    /// <param name="path">The annotation file, or the data set folder holding it.</param>
    /// <param name="format">The format; null to detect it from the file name, or failing that from the entries' fields.</param>
    /// <param name="cancellationToken">Stops a long load.</param>
    /// <exception cref="DatasetFormatException">The path, the file or any entry is not valid, or images are missing.</exception>
    public static PersonDataset Load(string path, DatasetFormat? format = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var location = AnnotationFileLocator.Locate(path, format);
        cancellationToken.ThrowIfCancellationRequested();
        using var document = AnnotationFileReader.ReadArray(location.AnnotationFile, "data set file");
        var entriesElement = document.RootElement;
        if (entriesElement.GetArrayLength() == 0)
        {
            throw new DatasetFormatException($"The data set file '{location.AnnotationFile}' holds an empty array: no images.", location.AnnotationFile);
        }

        var layout = location.Layout ?? FormatDetector.FromFields(entriesElement, location.AnnotationFile);
        var entries = AnnotationEntryReader.ReadAll(entriesElement, layout, location.AnnotationFile, cancellationToken);
        AnnotationConsistency.Check(entries, layout, location.AnnotationFile);
        var imagePaths = ImagePresenceCheck.Resolve(entries, layout, location.Root, location.AnnotationFile, cancellationToken);

        var train = BuildSplit(entries, imagePaths, DatasetSplit.Train);
        var validation = BuildSplit(entries, imagePaths, DatasetSplit.Validation);
        var test = BuildSplit(entries, imagePaths, DatasetSplit.Test);
        var description = DatasetDescription.Build(layout, location, train, validation, test);
        return new PersonDataset(layout.DisplayName, layout.Format, location.Root, train, validation, test, description);
    }

    private static ReadOnlyCollection<PersonImage> BuildSplit(IReadOnlyList<AnnotationEntry> entries, string[] imagePaths, DatasetSplit split)
    {
        var members = Enumerable.Range(0, entries.Count).Where(index => entries[index].Split == split).ToList();
        var labels = IdentityLabels.Assign(members.Select(index => entries[index].PersonId));
        var images = members.Select(index =>
        {
            var entry = entries[index];
            return new PersonImage(
                imagePaths[index],
                entry.RelativePath,
                entry.PersonId,
                labels[entry.PersonId],
                entry.Captions,
                entry.Camera,
                entry.Viewpoint,
                entry.Attributes);
        });
        return Array.AsReadOnly(images.ToArray());
    }
}
