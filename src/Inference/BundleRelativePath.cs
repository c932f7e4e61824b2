namespace VfeTps.Stream.Inference;

/// <summary>
/// Paths inside a bundle: relative, '/'-separated, without '.' or '..' segments, so that a manifest
/// can never make a service read (or an exporter write) a file outside the bundle folder.
/// </summary>
internal static class BundleRelativePath
{
    /// <summary>Why <paramref name="path"/> is not a valid bundle path, or null when it is.</summary>
    public static string? Problem(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
            return "is empty";
        if (path.Any(char.IsControl))
            return $"'{path}' contains control characters";
        if (path.Contains('\\', StringComparison.Ordinal))
            return $"'{path}' uses '\\'; bundle paths are '/'-separated";
        if (path.StartsWith('/') || Path.IsPathRooted(path) || (path.Length >= 2 && path[1] == ':'))
            return $"'{path}' is an absolute path, which escapes the bundle folder";
        foreach (var segment in path.Split('/'))
        {
            if (segment == "..")
                return $"'{path}' escapes the bundle folder ('..')";
            if (segment.Length == 0 || segment == ".")
                return $"'{path}' has an empty or '.' segment";
        }
        return null;
    }

    /// <summary>The full path of a validated bundle path; throws if it still resolves outside the folder.</summary>
    public static string Resolve(string bundleDirectory, string relativePath)
    {
        if (Problem(relativePath) is { } problem)
            throw new ArgumentException($"Bundle path {problem}.", nameof(relativePath));
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(bundleDirectory));
        var full = Path.GetFullPath(Path.Combine(root, relativePath));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"Bundle path '{relativePath}' resolves outside '{root}'.", nameof(relativePath));
        return full;
    }

    /// <summary>The bundle path of a full path inside <paramref name="bundleDirectory"/>, '/'-separated.</summary>
    public static string Relative(string bundleDirectory, string fullPath) =>
        Path.GetRelativePath(bundleDirectory, fullPath).Replace(Path.DirectorySeparatorChar, '/');
}
