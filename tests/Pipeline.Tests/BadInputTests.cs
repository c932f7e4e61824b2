using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.Messaging;

namespace VfeTps.Stream.Pipeline.Tests;

/// <summary>
/// Bad input at the site level: malformed events on the in-process streams and a corrupt video
/// file registered as a camera each get a clear, inspectable refusal, and the good camera beside
/// them is still read to the end and indexed.
/// </summary>
public sealed class BadInputTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Malformed_events_and_a_corrupt_camera_are_refused_while_a_good_camera_is_indexed()
    {
        var scene = await SmallScene.EnsureAsync();
        using var data = new TempDirectory();
        var token = TestContext.Current.CancellationToken;
        var corrupt = data.PathOf("corrupt.avi");
        await File.WriteAllBytesAsync(corrupt, Enumerable.Range(0, 50_000).Select(i => (byte)(i * 7919 % 251)).ToArray(), token);

        await using var site = new SiteFactory(data.CreateSubdirectory("site"));
        using var client = site.CreateClient();
        var frames = site.Services.GetRequiredService<IEventPublisher<FrameCaptured>>();
        var crops = site.Services.GetRequiredService<IEventPublisher<PersonCropped>>();

        // A frame older than the camera's previous one, and crops that cannot be embedded.
        var frame = new VideoFrame(64, 32, new byte[64 * 32 * 3]);
        await frames.PublishAsync(new FrameCaptured("late-camera", 1, DateTimeOffset.UtcNow, frame), token);
        await frames.PublishAsync(new FrameCaptured("late-camera", 2, DateTimeOffset.UtcNow.AddMinutes(-5), frame), token);
        var box = new BoundingBox(0, 0, 10, 30);
        await crops.PublishAsync(new PersonCropped("cam-a.1.0", "cam-b", 1, 0, DateTimeOffset.UtcNow, box, 0.5f, "crops/cam-a.1.0.jpg", "frames/cam-a/1.jpg"), token);
        await crops.PublishAsync(new PersonCropped("cam-a.2.0", "cam-a", 2, 0, DateTimeOffset.UtcNow, box, 0.5f, "crops/cam-a.2.0.jpg", "frames/cam-a/1.jpg"), token);

        var good = scene.CameraSpecs()[1] with { Loop = false, Paced = false };
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/cameras", good, token)).StatusCode);
        var broken = new CameraSpec("broken", "A corrupt file", corrupt, Paced: false);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/cameras", broken, token)).StatusCode);

        await SiteDrain.WaitAsync(site, data.PathOf("site"), TimeSpan.FromMinutes(3), [good.Id]);

        var letters = await client.GetFromJsonAsync<JsonElement>("/api/dead-letters", Json, token);
        var reasons = letters.EnumerateArray().Select(l => $"{l.GetProperty("stage").GetString()}: {l.GetProperty("reason").GetString()}").ToList();
        Assert.Contains(reasons, r => r.StartsWith("Embedder:", StringComparison.Ordinal) && r.Contains("does not match camera", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("Embedder:", StringComparison.Ordinal) && r.Contains("not in the blob store", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("PersonCrop:", StringComparison.Ordinal) && r.Contains("must come in order", StringComparison.Ordinal));

        var health = await client.GetFromJsonAsync<JsonElement>("/api/cameras/broken", Json, token);
        Assert.False(string.IsNullOrEmpty(health.GetProperty("health").GetProperty("lastError").GetString()));
        Assert.NotEqual("Streaming", health.GetProperty("health").GetProperty("state").GetString());

        var stats = await client.GetFromJsonAsync<JsonElement>("/api/stats", Json, token);
        Assert.True(stats.GetProperty("indexedCrops").GetInt64() > 0);
    }
}
