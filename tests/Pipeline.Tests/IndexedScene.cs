using System.Net;
using System.Net.Http.Json;
using VfeTps.Stream.DemoCameras;

namespace VfeTps.Stream.Pipeline.Tests;

/// <summary>
/// A site that has read the small scene's two videos to the end (registered through the API as
/// unlooped, unpaced file cameras) and indexed everything they produced. Shared by a test class.
/// </summary>
public sealed class IndexedScene : IAsyncLifetime
{
    private readonly TempDirectory _data = new();

    internal SiteFactory Site { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public DemoScene Scene { get; private set; } = null!;

    public string DataDirectory => _data.FullPath;

    public async ValueTask InitializeAsync()
    {
        Scene = await SmallScene.EnsureAsync();
        Site = new SiteFactory(_data.FullPath);
        Client = Site.CreateClient();
        foreach (var spec in Scene.CameraSpecs())
        {
            using var response = await Client.PostAsJsonAsync("/api/cameras", spec with { Loop = false, Paced = false }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        await SiteDrain.WaitAsync(Site, _data.FullPath, TimeSpan.FromMinutes(3));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Site.DisposeAsync();
        _data.Dispose();
    }
}
