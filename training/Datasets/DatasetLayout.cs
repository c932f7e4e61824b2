namespace VfeTps.Stream.Datasets;

/// <summary>What distinguishes one data set format from another: file names, folders, fields and id rules.</summary>
/// <param name="Format">The format.</param>
/// <param name="DisplayName">The data set's usual name, for messages and reports.</param>
/// <param name="AnnotationFileName">The annotation file at the data set root.</param>
/// <param name="ImageFolder">Folder under the root that image paths are relative to; empty for the root itself.</param>
/// <param name="PathField">The entry field holding the image path.</param>
/// <param name="HasValidationSplit">Whether "val" is a split of this format.</param>
/// <param name="FirstPersonId">The smallest valid id (1 where the format numbers people from 1).</param>
/// <param name="HasSyntheticFields">Whether entries carry <c>camera</c>, <c>viewpoint</c> and <c>attributes</c>.</param>
/// <param name="IdsDisjointAcrossSplits">Whether an id may appear in only one split (checked at load).</param>
internal sealed record DatasetLayout(
    DatasetFormat Format,
    string DisplayName,
    string AnnotationFileName,
    string ImageFolder,
    string PathField,
    bool HasValidationSplit,
    int FirstPersonId,
    bool HasSyntheticFields,
    bool IdsDisjointAcrossSplits)
{
    public static DatasetLayout CuhkPedes { get; } =
        new(DatasetFormat.CuhkPedes, "CUHK-PEDES", "reid_raw.json", "imgs", "file_path", true, 1, false, false);

    public static DatasetLayout IcfgPedes { get; } =
        new(DatasetFormat.IcfgPedes, "ICFG-PEDES", "ICFG-PEDES.json", "imgs", "file_path", false, 0, false, false);

    public static DatasetLayout RstpReid { get; } =
        new(DatasetFormat.RstpReid, "RSTPReid", "data_captions.json", "imgs", "img_path", true, 0, false, false);

    public static DatasetLayout SynthPedes { get; } =
        new(DatasetFormat.SynthPedes, "SynthPedes", "synthpedes.json", "", "file_path", true, 1, true, true);

    public static IReadOnlyList<DatasetLayout> All { get; } = [CuhkPedes, IcfgPedes, RstpReid, SynthPedes];

    public static DatasetLayout Of(DatasetFormat format) =>
        All.FirstOrDefault(layout => layout.Format == format)
        ?? throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown data set format.");

    /// <summary>The folder image paths are relative to, for a data set rooted at <paramref name="root"/>.</summary>
    public string ImageDirectory(string root) => ImageFolder.Length == 0 ? root : Path.Combine(root, ImageFolder);

    /// <summary>"imgs/" or "the data set folder", for messages.</summary>
    public string ImageFolderDescription => ImageFolder.Length == 0 ? "the data set folder" : $"{ImageFolder}/";
}
