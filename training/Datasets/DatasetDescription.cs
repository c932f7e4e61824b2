using System.Globalization;

namespace VfeTps.Stream.Datasets;

/// <summary>The human-readable summary of a loaded data set, for logs and reports.</summary>
internal static class DatasetDescription
{
    public static string Build(
        DatasetLayout layout,
        AnnotationLocation location,
        IReadOnlyList<PersonImage> train,
        IReadOnlyList<PersonImage> validation,
        IReadOnlyList<PersonImage> test)
    {
        var validationText = layout.HasValidationSplit
            ? Counts(validation)
            : $"none ({layout.DisplayName} has no validation split)";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{layout.DisplayName} at '{location.Root}' (annotations '{Path.GetFileName(location.AnnotationFile)}', format {location.HowKnown}; "
            + $"images under {layout.ImageFolderDescription}). "
            + $"train: {Counts(train)}; validation: {validationText}; test: {Counts(test)}.");
    }

    private static string Counts(IReadOnlyList<PersonImage> images)
    {
        var identities = images.Select(image => image.PersonId).Distinct().Count();
        var captions = images.Sum(image => image.Captions.Count);
        return string.Create(CultureInfo.InvariantCulture, $"{images.Count} images, {identities} identities, {captions} captions");
    }
}
