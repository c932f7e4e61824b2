using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VfeTps.Stream.Pipeline.Tests;

/// <summary>What a site has indexed is still there, and searchable the same way, after a restart.</summary>
public sealed class SiteRestartTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task A_restarted_site_answers_the_same_search_with_the_same_crops()
    {
        var scene = await SmallScene.EnsureAsync();
        using var data = new TempDirectory();
        var token = TestContext.Current.CancellationToken;
        var query = new { text = "a man in a blue jacket and black trousers", k = 10, groupByTrack = false };

        string before;
        long countBefore;
        await using (var site = new SiteFactory(data.FullPath))
        {
            using var client = site.CreateClient();
            var camera = scene.CameraSpecs()[0] with { Loop = false, Paced = false };
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/cameras", camera, token)).StatusCode);
            await SiteDrain.WaitAsync(site, data.FullPath, TimeSpan.FromMinutes(3));

            // Unregistered first: a file camera still registered would be read again after the restart.
            Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/cameras/{camera.Id}", token)).StatusCode);
            before = await CropIdsAsync(client, query);
            countBefore = await IndexedAsync(client);
        }

        await using (var site = new SiteFactory(data.FullPath))
        {
            using var client = site.CreateClient();
            Assert.Equal(countBefore, await IndexedAsync(client));
            Assert.Equal(before, await CropIdsAsync(client, query));
            using var image = await client.GetAsync($"/api/crops/{before.Split(',')[0]}/image", token);
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        }
    }

    private static async Task<string> CropIdsAsync(HttpClient client, object query)
    {
        using var response = await client.PostAsJsonAsync("/api/search", query, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Json, TestContext.Current.CancellationToken);
        var ids = body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("cropId").GetString()).ToList();
        Assert.NotEmpty(ids);
        return string.Join(',', ids);
    }

    private static async Task<long> IndexedAsync(HttpClient client)
    {
        var stats = await client.GetFromJsonAsync<JsonElement>("/api/stats", Json, TestContext.Current.CancellationToken);
        return stats.GetProperty("indexedCrops").GetInt64();
    }
}
