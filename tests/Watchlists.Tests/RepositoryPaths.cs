namespace VfeTps.Stream.Watchlists.Tests;

/// <summary>Files committed to the repository, found from the test's location.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The default model bundle.</summary>
    public static string DefaultModel => Path.Combine(Root, "models", "tiny-synthpedes-20261128");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "VfeTps.Stream.sln")))
                return folder.FullName;
        }

        throw new InvalidOperationException($"No VfeTps.Stream.sln above {AppContext.BaseDirectory}.");
    }
}
