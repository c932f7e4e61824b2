namespace VfeTps.Stream.Export.Tests;

/// <summary>The model bundles committed under <c>models/</c> (found from the test's location in the repository).</summary>
internal static class CommittedModels
{
    public static string Directory { get; } = Path.Combine(RepositoryRoot(), "models");

    public static IReadOnlyList<string> Names =>
        [.. System.IO.Directory.EnumerateDirectories(Directory)
            .Where(path => File.Exists(Path.Combine(path, "manifest.json")))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)];

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "VfeTps.Stream.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException($"No VfeTps.Stream.sln above {AppContext.BaseDirectory}.");
    }
}
