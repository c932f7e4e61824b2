using System.Net;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.Storage;
using VfeTps.Stream.VectorIndex;

namespace VfeTps.Stream.Search.Tests;

/// <summary>"More like this": a search with a stored crop's own vector.</summary>
public sealed class SimilarSearchTests(SearchFixture data) : IAsyncLifetime
{
    private SearchServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await SearchServer.StartAsync(data);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Grouped_results_leave_out_the_query_crops_own_track()
    {
        var query = data.Crop("lobby.2.1");
        var expectedTracks = data.Ranked(query.Vector, crop => (crop.CameraId, crop.TrackId) != ("lobby", 2))
            .GroupBy(e => (e.Crop.CameraId, e.Crop.TrackId))
            .Select(track => track.First().Crop.CropId)
            .Take(4);

        var response = await (await _server.PostAsync("/api/search/similar", new { cropId = query.CropId, k = 4 })).ReadSearchAsync();

        Assert.Equal(expectedTracks, response.Results.Select(r => r.CropId));
        Assert.DoesNotContain(response.Results, r => r.CameraId == "lobby" && r.TrackId == 2);
        Assert.Equal(data.ModelVersion, response.ModelVersion);
        Assert.True(response.GroupedByTrack);
    }

    [Fact]
    public async Task Ungrouped_results_leave_out_every_crop_of_the_own_track_and_still_fill_k()
    {
        var query = data.Crop("entrance.1.0");
        var others = data.Ranked(query.Vector, crop => (crop.CameraId, crop.TrackId) != ("entrance", 1));

        // Every other crop: the own track's crops must not take places from them.
        var response = await (await _server.PostAsync("/api/search/similar", new { cropId = query.CropId, k = others.Count, groupByTrack = false })).ReadSearchAsync();

        Assert.Equal(others.Select(e => e.Crop.CropId), response.Results.Select(r => r.CropId));
    }

    [Fact]
    public async Task A_long_own_track_does_not_crowd_out_the_other_people()
    {
        // One person seen 40 times (all nearly identical to the query) and five others: the first
        // fetch holds only the own track, so the search must fetch further to find k others.
        using var temp = new TempDirectory();
        await using var index = await TestIndexes.OpenAsync(temp.FullPath, data.ModelVersion, data.Dimension, TestContext.Current.CancellationToken);
        var random = new Random(5);
        var own = data.Crop("lobby.1.0");
        var points = Enumerable.Range(0, 40)
            .Select(shot => Point("crowd", 1, shot, Normalised([.. own.Vector.Select(v => v + ((float)random.NextDouble() * 1e-3f))])))
            .Concat(data.Crops.Where(c => c.CameraId == "car-park").Take(5).Select((c, i) => Point("street", 10 + i, 0, c.Vector)))
            .ToList();
        await index.UpsertAsync(points, TestContext.Current.CancellationToken);
        await using var server = await SearchServer.StartAsync(data, index);

        var response = await (await server.PostAsync("/api/search/similar", new { cropId = "crowd.1.7", k = 5, groupByTrack = false })).ReadSearchAsync();

        Assert.Equal(5, response.Results.Count);
        Assert.All(response.Results, r => Assert.Equal("street", r.CameraId));
    }

    private static CropVector Point(string camera, long track, int shot, float[] vector) =>
        new(CropIds.Create(camera, track, shot), vector, new CropPayload(
            camera, track, shot, SearchFixture.Start.AddSeconds(shot), new BoundingBox(0, 0, 10, 20), 0.9f,
            BlobKeys.Crop(CropIds.Create(camera, track, shot)), BlobKeys.Frame(camera, shot), "test"));

    private static float[] Normalised(float[] vector)
    {
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return [.. vector.Select(v => v / norm)];
    }

    [Fact]
    public async Task The_own_track_is_included_on_request_with_the_query_crop_first()
    {
        var query = data.Crop("car-park.3.2");

        var ungrouped = await (await _server.PostAsync("/api/search/similar", new { cropId = query.CropId, k = 3, groupByTrack = false, includeSameTrack = true })).ReadSearchAsync();
        var grouped = await (await _server.PostAsync("/api/search/similar", new { cropId = query.CropId, k = 3, includeSameTrack = true })).ReadSearchAsync();

        Assert.Equal(query.CropId, ungrouped.Results[0].CropId);
        Assert.Equal(1f, ungrouped.Results[0].Score, 1e-3f);
        Assert.Equal(("car-park", 3L), (grouped.Results[0].CameraId, grouped.Results[0].TrackId));
    }

    [Fact]
    public async Task Filters_apply_to_a_similar_search()
    {
        var query = data.Crop("entrance.2.0");

        var response = await (await _server.PostAsync("/api/search/similar", new { cropId = query.CropId, cameras = new[] { "car-park" }, groupByTrack = false, k = 100 })).ReadSearchAsync();

        Assert.Equal(SearchFixture.TracksPerCamera * SearchFixture.ShotsPerTrack, response.Results.Count);
        Assert.All(response.Results, r => Assert.Equal("car-park", r.CameraId));
    }

    [Fact]
    public async Task An_unknown_crop_is_answered_404()
    {
        var problem = await (await _server.PostAsync("/api/search/similar", new { cropId = "lobby.99.0" })).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Contains("lobby.99.0", problem.Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ }""", "cropId", "required")]
    [InlineData("""{ "cropId": "lobby" }""", "cropId", "is not a crop id")]
    [InlineData("""{ "cropId": "Lobby.1.0" }""", "cropId", "is not a crop id")]
    [InlineData("""{ "cropId": "lobby.-1.0" }""", "cropId", "is not a crop id")]
    [InlineData("""{ "cropId": "../lobby.1.0" }""", "cropId", "is not a crop id")]
    [InlineData("""{ "cropId": "lobby.1.0", "k": 0 }""", "k", "between 1 and 200")]
    [InlineData("""{ "cropId": "lobby.1.0", "text": "red" }""", "text", "Unknown field 'text'")]
    [InlineData("""{ "cropId": "lobby.1.0", "includeSameTrack": "no" }""", "includeSameTrack", "true or false")]
    public async Task An_invalid_similar_search_is_answered_400_naming_the_field(string body, string field, string message)
    {
        var errors = await (await _server.PostJsonAsync("/api/search/similar", body)).ReadValidationErrorsAsync();

        Assert.Contains(errors[field], text => text.Contains(message, StringComparison.Ordinal));
    }
}
