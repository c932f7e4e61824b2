namespace VfeTps.Stream.Search.Ui;

/// <summary>What an asset path from a request may look like before it is even looked up.</summary>
internal static class UiPaths
{
    public const string AppShell = "index.html";

    public const string LoginPage = "login.html";

    /// <summary>The folder of the assets served under <c>/ui/</c> (pages are served only at <c>/</c> and <c>/login</c>).</summary>
    public const string AssetFolder = "ui/";

    /// <summary>
    /// Lower-case letters, digits, '-', '_' and '.', in '/'-separated segments that are neither empty nor
    /// "." or "..": a relative path that names a file and nothing above it. Anything else is refused
    /// before a lookup, so a refused path never depends on what the catalog holds.
    /// </summary>
    public static bool IsPlain(string path)
    {
        if (path.Length is 0 or > 200)
            return false;
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or ".." || segment.StartsWith('.'))
                return false;
            foreach (var character in segment)
            {
                if (!(char.IsAsciiLetterLower(character) || char.IsAsciiDigit(character) || character is '-' or '_' or '.'))
                    return false;
            }
        }

        return true;
    }
}
