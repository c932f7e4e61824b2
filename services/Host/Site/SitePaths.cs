using Microsoft.Extensions.Options;

namespace VfeTps.Stream.Host.Site;

/// <summary>
/// The site's folders and files. Relative paths are taken from the working directory (the repository
/// when started by run.sh); the content root is the program's folder, where appsettings.json lives.
/// </summary>
public sealed class SitePaths(IOptions<SiteOptions> options)
{
    public string DataDirectory => Resolve(options.Value.DataDirectory);

    public string DatabaseFile => Path.Combine(DataDirectory, "site.db");

    public string BlobDirectory => Path.Combine(DataDirectory, "blobs");

    public string VectorDirectory => Path.Combine(DataDirectory, "vectors");

    public string ModelBundle => Resolve(options.Value.ModelBundle);

    public static string Resolve(string path) => Path.GetFullPath(path);
}
