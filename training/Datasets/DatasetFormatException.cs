namespace VfeTps.Stream.Datasets;

/// <summary>
/// Thrown when a data set or query file is missing, is not what its format requires, or refers to
/// images that do not exist. The message names the file and, where there is one, the entry index
/// and the field at fault, so the file can be fixed by hand.
/// </summary>
public sealed class DatasetFormatException : Exception
{
    public DatasetFormatException()
    {
    }

    public DatasetFormatException(string message)
        : base(message)
    {
    }

    public DatasetFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DatasetFormatException(string message, string filePath, int? entryIndex = null, string? field = null, Exception? innerException = null)
        : base(message, innerException)
    {
        FilePath = filePath;
        EntryIndex = entryIndex;
        Field = field;
    }

    /// <summary>The file at fault, when there is one.</summary>
    public string? FilePath { get; }

    /// <summary>The 0-based index of the entry at fault in the file's top-level array, when one is.</summary>
    public int? EntryIndex { get; }

    /// <summary>The JSON field at fault, when one is.</summary>
    public string? Field { get; }
}
