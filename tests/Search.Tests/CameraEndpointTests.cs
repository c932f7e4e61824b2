using System.Net;
using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.Search.Tests;

/// <summary>The camera registry's API over <see cref="ICameraDirectory"/> (a test stand-in here; FrameIngest provides the real one).</summary>
public sealed class CameraEndpointTests(SearchFixture data) : IAsyncLifetime
{
    private SearchServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await SearchServer.StartAsync(data);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_registered_camera_is_answered_201_with_its_location_and_listed()
    {
        var response = await _server.PostAsync("/api/cameras", new { id = "gate-2", name = "Gate 2", source = "rtsp://admin:secret@10.0.0.7/stream1", detector = "hog" });

        var created = await response.ReadAsync<CameraView>(HttpStatusCode.Created);
        Assert.Equal("/api/cameras/gate-2", response.Headers.Location?.OriginalString);
        Assert.Equal(("gate-2", "Gate 2", "hog", CameraSpec.DefaultSampleRate), (created.Id, created.Name, created.Detector, created.SampleRate));
        Assert.DoesNotContain("secret", created.Source, StringComparison.Ordinal);

        var listed = await (await _server.Client.GetAsync("/api/cameras", Token)).ReadAsync<List<CameraView>>();
        var fetched = await (await _server.Client.GetAsync("/api/cameras/gate-2", Token)).ReadAsync<CameraView>();
        Assert.Equal("gate-2", Assert.Single(listed).Id);
        Assert.Equal(created.Source, fetched.Source);
        Assert.Equal(CameraState.Connecting, fetched.Health.State);
        Assert.Contains("\"state\":\"Connecting\"", await (await _server.Client.GetAsync("/api/cameras/gate-2", Token)).Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_duplicate_camera_is_answered_409()
    {
        await _server.Cameras.AddAsync(new CameraSpec("gate-3", "Gate 3", "/videos/gate.mp4"), Token);

        var problem = await (await _server.PostAsync("/api/cameras", new { id = "gate-3", name = "Again", source = "/videos/other.mp4" })).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("gate-3", problem.Title, StringComparison.Ordinal);
        Assert.Equal("Gate 3", (await _server.Cameras.GetAsync("gate-3", Token))!.Name);
    }

    [Theory]
    [InlineData("""{ "id": "Gate 4", "name": "Gate", "source": "/v.mp4" }""", "id", "is not a camera id")]
    [InlineData("""{ "id": "gate-4", "name": "Gate", "source": "/v.mp4", "sampleRate": 500 }""", "sampleRate", "at most 30")]
    [InlineData("""{ "id": "gate-4", "name": "Gate", "source": "/v.mp4", "detector": "yolo9000" }""", "detector", "unknown detector 'yolo9000'")]
    [InlineData("""{ "name": "Gate", "source": "/v.mp4" }""", "id", "required")]
    [InlineData("""{ "id": "gate-4", "source": "/v.mp4" }""", "name", "required")]
    [InlineData("""{ "id": "gate-4", "name": "Gate" }""", "source", "required")]
    [InlineData("""{ "id": "gate-4", "name": "Gate", "source": "/v.mp4", "url": "x" }""", "url", "Unknown field 'url'")]
    [InlineData("""{ "id": "gate-4", "name": "Gate", "source": "/v.mp4", "loop": "sometimes" }""", "loop", "true or false")]
    [InlineData("""{ "id": "gate-4", """, "body", "not valid JSON")]
    public async Task An_invalid_camera_is_answered_400_naming_the_field(string body, string field, string message)
    {
        var errors = await (await _server.PostJsonAsync("/api/cameras", body)).ReadValidationErrorsAsync();

        Assert.True(errors.ContainsKey(field), $"No error for '{field}' in: {string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
        Assert.Contains(errors[field], text => text.Contains(message, StringComparison.Ordinal) && !text.Contains("(Parameter", StringComparison.Ordinal));
        Assert.Empty(await _server.Cameras.ListAsync(Token));
    }

    [Fact]
    public async Task A_removed_camera_is_answered_204_then_404()
    {
        await _server.Cameras.AddAsync(new CameraSpec("gate-5", "Gate 5", "/videos/gate.mp4"), Token);

        var removed = await _server.Client.DeleteAsync("/api/cameras/gate-5", Token);
        var again = await _server.Client.DeleteAsync("/api/cameras/gate-5", Token);
        var fetched = await _server.Client.GetAsync("/api/cameras/gate-5", Token);

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await again.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("gate-5", (await fetched.ReadProblemAsync(HttpStatusCode.NotFound)).Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", "/api/cameras/Gate%205")]
    [InlineData("DELETE", "/api/cameras/gate_5")]
    [InlineData("GET", "/api/cameras/-gate")]
    public async Task An_invalid_camera_id_in_the_path_is_answered_400(string method, string path)
    {
        var response = await _server.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Token);

        Assert.Contains("is not a camera id", Assert.Single((await response.ReadValidationErrorsAsync())["id"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registration_the_directory_cannot_complete_is_answered_503_not_409()
    {
        var cameras = (InMemoryCameraDirectoryForTests)_server.Cameras;
        cameras.FailNextAdd = new InvalidOperationException("Camera 'gate-6' was not registered: announcing it to the camera workers failed (the broker went away). Try again.");

        var problem = await (await _server.PostAsync("/api/cameras", new { id = "gate-6", name = "Gate 6", source = "/videos/gate.mp4" })).ReadProblemAsync(HttpStatusCode.ServiceUnavailable);

        Assert.Contains("gate-6", problem.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("broker", problem.Detail, StringComparison.Ordinal);
        Assert.Null(await _server.Cameras.GetAsync("gate-6", Token));

        // The failure was transient: the same request succeeds next time.
        var created = await (await _server.PostAsync("/api/cameras", new { id = "gate-6", name = "Gate 6", source = "/videos/gate.mp4" })).ReadAsync<CameraView>(HttpStatusCode.Created);
        Assert.Equal("gate-6", created.Id);
    }
}
