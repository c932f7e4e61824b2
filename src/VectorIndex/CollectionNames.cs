namespace VfeTps.Stream.VectorIndex;

/// <summary>
/// Collection names are model versions such as <c>tiny-synthpedes-20261128</c>: 1–100 characters of
/// <c>[a-z0-9._-]</c>, starting with a letter or digit. They become folder names (embedded) and
/// collection names (Qdrant), so nothing in them may need escaping and none can climb out of a folder.
/// </summary>
public static class CollectionNames
{
    public const int MaxLength = 100;

    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= MaxLength && char.IsAsciiLetterOrDigit(name[0])
        && name.All(static c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-');

    /// <exception cref="ArgumentException">The name is not a valid collection name.</exception>
    public static void Validate(string? name)
    {
        if (!IsValid(name))
        {
            throw new ArgumentException(
                $"'{name}' is not a collection name: use 1–{MaxLength} of a-z, 0-9, '.', '_' and '-', starting with a letter or digit.",
                nameof(name));
        }
    }
}
