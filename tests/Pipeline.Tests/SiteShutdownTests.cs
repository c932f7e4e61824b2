using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using VfeTps.Stream.Host.Site;
using VfeTps.Stream.VectorIndex.Embedded;

namespace VfeTps.Stream.Pipeline.Tests;

/// <summary>Stopping the site in the middle of a video loses nothing in flight: every stored crop is indexed.</summary>
public sealed class SiteShutdownTests
{
    [Fact]
    public async Task A_site_stopped_mid_stream_indexes_every_crop_it_stored()
    {
        var scene = await SmallScene.EnsureAsync();
        using var data = new TempDirectory();
        var token = TestContext.Current.CancellationToken;
        string modelVersion;
        await using (var site = new SiteFactory(data.FullPath))
        {
            using var client = site.CreateClient();
            var camera = scene.CameraSpecs()[0] with { Loop = false, Paced = false };
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/cameras", camera, token)).StatusCode);
            var latency = site.Services.GetRequiredService<PipelineLatency>();
            await Eventually.HoldsAsync(() => Task.FromResult(latency.Indexed >= 2), TimeSpan.FromMinutes(2), () => "two crops indexed");
            modelVersion = site.Services.GetRequiredService<VectorIndex.IVectorIndex>().Name;
        }

        // Read back after the site let go of its data folder.
        var stored = Directory.GetFiles(Path.Combine(data.FullPath, "blobs", "crops"), "*.jpg").Length;
        var store = new EmbeddedVectorStore(Path.Combine(data.FullPath, "vectors"));
        await using var index = await store.OpenAsync(modelVersion, 128, token);
        Assert.Equal(stored, await index.CountAsync(token));
    }
}
