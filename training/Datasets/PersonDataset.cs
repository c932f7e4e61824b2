namespace VfeTps.Stream.Datasets;

/// <summary>
/// A text–person data set: images with captions in train, validation and test splits. Immutable;
/// safe to share between data loader threads.
/// </summary>
public sealed class PersonDataset
{
    private readonly int[] _identityCounts;

    /// <summary>Builds a data set from its splits (normally done by <see cref="PersonDatasetLoader"/>).</summary>
    /// <exception cref="ArgumentException">A split's labels are not 0, 1, 2, … one per distinct person id.</exception>
    public PersonDataset(
        string name,
        DatasetFormat format,
        string root,
        IReadOnlyList<PersonImage> train,
        IReadOnlyList<PersonImage> validation,
        IReadOnlyList<PersonImage> test,
        string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(description);
        Name = name;
        Format = format;
        Root = root;
        Train = train;
        Validation = validation;
        Test = test;
        Description = description;
        _identityCounts = [CountIdentities(train, nameof(train)), CountIdentities(validation, nameof(validation)), CountIdentities(test, nameof(test))];
    }

    /// <summary>The data set's usual name, e.g. "CUHK-PEDES".</summary>
    public string Name { get; }

    /// <summary>The format it was read from.</summary>
    public DatasetFormat Format { get; }

    /// <summary>Absolute path of the data set folder (the one holding the annotation file).</summary>
    public string Root { get; }

    /// <summary>Training images, in annotation file order.</summary>
    public IReadOnlyList<PersonImage> Train { get; }

    /// <summary>Validation images, in annotation file order; empty where the format has none.</summary>
    public IReadOnlyList<PersonImage> Validation { get; }

    /// <summary>Test images, in annotation file order.</summary>
    public IReadOnlyList<PersonImage> Test { get; }

    /// <summary>A one-paragraph summary: where, which format, and counts per split.</summary>
    public string Description { get; }

    /// <summary>The images of one split.</summary>
    public IReadOnlyList<PersonImage> Split(DatasetSplit split) => split switch
    {
        DatasetSplit.Train => Train,
        DatasetSplit.Validation => Validation,
        DatasetSplit.Test => Test,
        _ => throw new ArgumentOutOfRangeException(nameof(split), split, "Unknown split."),
    };

    /// <summary>Distinct people in one split: one more than its largest <see cref="PersonImage.Label"/>.</summary>
    public int IdentityCount(DatasetSplit split)
    {
        _ = Split(split);
        return _identityCounts[(int)split];
    }

    /// <summary>Every caption of a split as a query for the person it describes, in image order.</summary>
    public IReadOnlyList<TextQuery> Queries(DatasetSplit split) =>
        [.. Split(split).SelectMany(image => image.Captions.Select(caption => new TextQuery(caption, image.PersonId)))];

    private static int CountIdentities(IReadOnlyList<PersonImage> images, string splitName)
    {
        var labelById = new Dictionary<int, int>();
        var idByLabel = new Dictionary<int, int>();
        foreach (var image in images)
        {
            ArgumentNullException.ThrowIfNull(image, splitName);
            if ((labelById.TryGetValue(image.PersonId, out var label) && label != image.Label)
                || (idByLabel.TryGetValue(image.Label, out var id) && id != image.PersonId))
            {
                throw new ArgumentException(
                    $"In the {splitName} split, person id {image.PersonId} and label {image.Label} conflict with another image's: each id needs exactly one label.",
                    splitName);
            }

            labelById[image.PersonId] = image.Label;
            idByLabel[image.Label] = image.PersonId;
        }

        if (idByLabel.Keys.Any(label => label < 0 || label >= idByLabel.Count))
        {
            throw new ArgumentException($"The {splitName} split's labels must be 0 to {idByLabel.Count - 1}, one per distinct person id.", splitName);
        }

        return idByLabel.Count;
    }
}
