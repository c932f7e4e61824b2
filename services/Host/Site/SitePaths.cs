using Microsoft.Extensions.Options;

namespace VfeTps.Stream.Host.Site;

/// <summary>The site's folders and files, resolved against the content root (the repository when started by run.sh).</summary>
public sealed class SitePaths(IHostEnvironment environment, IOptions<SiteOptions> options)
{
    public string DataDirectory => Resolve(options.Value.DataDirectory);

    public string DatabaseFile => Path.Combine(DataDirectory, "site.db");

    public string BlobDirectory => Path.Combine(DataDirectory, "blobs");

    public string VectorDirectory => Path.Combine(DataDirectory, "vectors");

    public string ModelBundle => Resolve(options.Value.ModelBundle);

    public string Resolve(string path) => Path.GetFullPath(path, environment.ContentRootPath);
}
