namespace VfeTps.Stream.Datasets;

/// <summary>Where a data set's annotation file is, and its format when the name or the caller says so.</summary>
/// <param name="AnnotationFile">Absolute path of the annotation file.</param>
/// <param name="Layout">The format, or null when it must be read from the fields.</param>
/// <param name="HowKnown">How the format was decided, for the description.</param>
internal sealed record AnnotationLocation(string AnnotationFile, DatasetLayout? Layout, string HowKnown)
{
    /// <summary>The data set root: the folder holding the annotation file.</summary>
    public string Root => Path.GetDirectoryName(AnnotationFile)!;
}
