using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VfeTps.Stream.Access;
using VfeTps.Stream.Audit;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.Contracts.Access;
using VfeTps.Stream.Storage;
using VfeTps.Stream.VectorIndex;

namespace VfeTps.Stream.Search.Tests;

/// <summary>
/// The search API on a <see cref="TestServer"/>, wired the way the one-process host wires it:
/// the host's services registered (a SQLite site database, the real audit trail and access library),
/// then <c>AddSearch</c> and <c>MapSearchApi</c>. Production environment, so that nothing behaves more
/// leniently than in the field. <see cref="Client"/> carries an API key holding every role.
/// </summary>
internal sealed class SearchServer : IAsyncDisposable
{
    private readonly TempDirectory _siteFolder;

    private SearchServer(WebApplication app, ICameraDirectory cameras, TempDirectory siteFolder)
    {
        App = app;
        Cameras = cameras;
        _siteFolder = siteFolder;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    /// <summary>A client with an API key holding every role and every camera.</summary>
    public HttpClient Client { get; }

    /// <summary>The site's audit trail (to check what was recorded).</summary>
    public SqliteAuditTrail Audit => App.Services.GetRequiredService<SqliteAuditTrail>();

    public ICameraDirectory Cameras { get; }

    public static async Task<SearchServer> StartAsync(
        SearchFixture data, IVectorIndex? index = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(SiteKeys.Settings);
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        var siteFolder = new TempDirectory();
        builder.Services.AddSingleton(new SiteDatabase(siteFolder.PathOf("site.db")));
        builder.Services.AddAuditTrail(builder.Configuration);
        builder.Services.AddSiteAccess(builder.Configuration);
        builder.Services.AddSingleton<IBootstrapCredentialWriter, SilentCredentialWriter>();
        var cameras = new InMemoryCameraDirectoryForTests();
        builder.Services.AddSingleton(data.Model);
        builder.Services.AddSingleton(index ?? data.Index);
        builder.Services.AddSingleton<IBlobStore>(data.Blobs);
        builder.Services.AddSingleton<ICameraDirectory>(cameras);
        builder.Services.AddSearch(builder.Configuration);

        var app = builder.Build();
        app.UseSiteAccess();
        app.MapAccessApi();
        app.MapSearchApi();
        await app.StartAsync(TestContext.Current.CancellationToken);
        var server = new SearchServer(app, cameras, siteFolder);
        SiteKeys.Use(server.Client, await SiteKeys.CreateAsync(server.Client, "search-tests", [.. SiteRoles.All]));
        return server;
    }

    /// <summary>A client that sends no credential.</summary>
    public HttpClient AnonymousClient() => App.GetTestClient();

    /// <summary>A new client with a key of these roles and cameras (null = every camera).</summary>
    public async Task<HttpClient> ClientForAsync(string[] roles, string[]? cameras = null)
    {
        var client = App.GetTestClient();
        SiteKeys.Use(client, await SiteKeys.CreateAsync(client, $"key-{Guid.NewGuid():N}"[..20], roles, cameras));
        return client;
    }

    /// <summary>Posts a raw JSON text (so that tests can send malformed or hostile bodies).</summary>
    public Task<HttpResponseMessage> PostJsonAsync(string path, string json) =>
        Client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

    public Task<HttpResponseMessage> PostAsync<T>(string path, T body) =>
        Client.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync(TestContext.Current.CancellationToken);
        await App.DisposeAsync();
        _siteFolder.Dispose();
    }

    /// <summary>The first admin's password is configured; nothing to print.</summary>
    private sealed class SilentCredentialWriter : IBootstrapCredentialWriter
    {
        public void Write(BootstrapAdminCredential credential)
        {
        }
    }
}
