using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.Storage;
using VfeTps.Stream.VectorIndex;

namespace VfeTps.Stream.Search.Tests;

/// <summary>
/// The search API on a <see cref="TestServer"/>, wired the way the one-process host wires it:
/// the host's services registered, then <c>AddSearch</c> and <c>MapSearchApi</c>. Production
/// environment, so that nothing behaves more leniently than in the field.
/// </summary>
internal sealed class SearchServer : IAsyncDisposable
{
    private SearchServer(WebApplication app, ICameraDirectory cameras)
    {
        App = app;
        Cameras = cameras;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public ICameraDirectory Cameras { get; }

    public static async Task<SearchServer> StartAsync(
        SearchFixture data, IVectorIndex? index = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        var cameras = new InMemoryCameraDirectoryForTests();
        builder.Services.AddSingleton(data.Model);
        builder.Services.AddSingleton(index ?? data.Index);
        builder.Services.AddSingleton<IBlobStore>(data.Blobs);
        builder.Services.AddSingleton<ICameraDirectory>(cameras);
        builder.Services.AddSearch(builder.Configuration);

        var app = builder.Build();
        app.MapSearchApi();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new SearchServer(app, cameras);
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
    }
}
