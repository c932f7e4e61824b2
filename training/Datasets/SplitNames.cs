namespace VfeTps.Stream.Datasets;

/// <summary>The split names written in annotation files.</summary>
internal static class SplitNames
{
    public const string Train = "train";
    public const string Validation = "val";
    public const string Test = "test";

    public static bool TryParse(string name, DatasetLayout layout, out DatasetSplit split)
    {
        (var known, split) = name switch
        {
            Train => (true, DatasetSplit.Train),
            Test => (true, DatasetSplit.Test),
            Validation when layout.HasValidationSplit => (true, DatasetSplit.Validation),
            _ => (false, default),
        };
        return known;
    }

    /// <summary>"'train', 'val' and 'test'" or "'train' and 'test'".</summary>
    public static string Allowed(DatasetLayout layout) =>
        layout.HasValidationSplit ? $"'{Train}', '{Validation}' and '{Test}'" : $"'{Train}' and '{Test}'";

    public static string NameOf(DatasetSplit split) => split switch
    {
        DatasetSplit.Train => Train,
        DatasetSplit.Validation => Validation,
        _ => Test,
    };
}
