using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace VfeTps.Stream.Browser.Tests;

/// <summary>
/// The real embedded site (Program of services/Host) over a scratch data folder, without demo cameras,
/// with a known first-start admin password. With kestrel set it listens on a real
/// loopback port (for the browser); without, it runs on the in-memory TestServer.
/// </summary>
internal sealed class BrowserSiteFactory : WebApplicationFactory<Program>
{
    public const string AdminPassword = "browser-tests-admin-secret";

    private readonly string _dataDirectory;

    public BrowserSiteFactory(string dataDirectory, bool kestrel)
    {
        _dataDirectory = dataDirectory;
        if (kestrel)
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The address Kestrel listens on (after <see cref="WebApplicationFactory{TEntryPoint}.StartServer"/>), without a trailing slash.</summary>
    public Uri ServerAddress
    {
        get
        {
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            var address = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("The site listens on no address.");
            return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/'));
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Site:DataDirectory", _dataDirectory);
        builder.UseSetting("Site:ModelBundle", Path.Combine(RepositoryRoot, "models", "tiny-synthpedes-20261128"));
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("Access:BootstrapAdminPassword", AdminPassword);
        // Several shots per track even when a file is read faster than real time, so that the detail
        // view's timeline has sightings to step through.
        builder.UseSetting("PersonCrop:BestShots:MaxShotsPerTrack", "4");
        builder.UseSetting("PersonCrop:BestShots:MinQualityGain", "0");
        builder.UseSetting("PersonCrop:BestShots:MinShotInterval", "00:00:00");
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "VfeTps.Stream.sln")))
                return folder.FullName;
        }

        throw new InvalidOperationException("VfeTps.Stream.sln not found above the test output folder.");
    }
}
