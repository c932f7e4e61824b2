using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using VfeTps.Stream.Host.Site;
using VfeTps.Stream.VectorIndex.Embedded;

namespace VfeTps.Stream.Pipeline.Tests;

/// <summary>
/// Stopping the site in the middle of a video loses nothing in flight: every stored crop is indexed.
/// The Embedder is set to hold a batch open for a minute, so crops are certainly waiting in it when
/// the site stops; only a drain in stream order gets them indexed.
/// </summary>
public sealed class SiteShutdownTests
{
    [Fact]
    public async Task A_site_stopped_mid_stream_indexes_every_crop_it_stored()
    {
        var scene = await SmallScene.EnsureAsync();
        using var data = new TempDirectory();
        var token = TestContext.Current.CancellationToken;
        string modelVersion;
        var crops = Path.Combine(data.FullPath, "blobs", "crops");
        await using (var site = new SiteFactory(data.FullPath, new Dictionary<string, string>
        {
            ["Embedder:MaxBatchDelay"] = "00:01:00",
            ["Embedder:MaxBatchSize"] = "1024",
        }))
        {
            using var client = site.CreateClient();
            var camera = scene.CameraSpecs()[0] with { Loop = false, Paced = false };
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/cameras", camera, token)).StatusCode);
            await Eventually.HoldsAsync(
                () => Directory.Exists(crops) && Directory.GetFiles(crops, "*.jpg").Length >= 2, TimeSpan.FromMinutes(2), () => "two crops stored");
            Assert.Equal(0, site.Services.GetRequiredService<PipelineLatency>().Indexed);
            modelVersion = site.Services.GetRequiredService<VectorIndex.IVectorIndex>().Name;
        }

        // Read back after the site let go of its data folder.
        var stored = Directory.GetFiles(crops, "*.jpg").Length;
        var store = new EmbeddedVectorStore(Path.Combine(data.FullPath, "vectors"));

        // Once in a few runs the site's collection lock is still held for a moment after the factory's
        // dispose returns (seen in CI-like runs; cause not yet found): wait for it, with a deadline, so a
        // lock that is never released still fails the test.
        VectorIndex.IVectorIndex? index = null;
        await Eventually.HoldsAsync(
            async () =>
            {
                try
                {
                    index = await store.OpenAsync(modelVersion, 128, token);
                    return true;
                }
                catch (InvalidOperationException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(30),
            () => "the stopped site released its vector collection");
        await using var opened = index!;
        Assert.True(stored >= 2);
        Assert.Equal(stored, await opened.CountAsync(token));
    }
}
