namespace VfeTps.Stream.Tokenizer;

/// <summary>Parses merge lines (<c>"left right"</c>, lowest rank first), shared by both file formats.</summary>
internal static class MergeListParser
{
    private static readonly char[] Separators = [' ', '\t'];

    /// <param name="lines">The merge lines, header already removed.</param>
    /// <param name="path">The file, for error messages.</param>
    /// <param name="firstLineNumber">The 1-based line number of <paramref name="lines"/>[0] in the file.</param>
    public static List<BpeMerge> Parse(IReadOnlyList<string> lines, string path, int firstLineNumber)
    {
        // A file ending in blank lines (a final newline, an editor's extra lines) is fine.
        var count = lines.Count;
        while (count > 0 && string.IsNullOrWhiteSpace(lines[count - 1]))
        {
            count--;
        }

        var merges = new List<BpeMerge>(count);
        var lineOfMerge = new Dictionary<BpeMerge, int>(count);
        for (var index = 0; index < count; index++)
        {
            var lineNumber = firstLineNumber + index;
            var parts = lines[index].Split(Separators, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2)
            {
                throw new TokenizerFormatException(
                    $"Merges file '{path}', line {lineNumber}: expected two symbols separated by a space but found '{lines[index]}'.",
                    path);
            }

            var merge = new BpeMerge(parts[0], parts[1]);
            if (!lineOfMerge.TryAdd(merge, lineNumber))
            {
                throw new TokenizerFormatException(
                    $"Merges file '{path}', line {lineNumber}: the merge '{merge}' already appears on line {lineOfMerge[merge]}.",
                    path);
            }

            merges.Add(merge);
        }

        return merges;
    }
}
