namespace VfeTps.Stream.Search.Tests;

public sealed class TextSearchTests(SearchFixture data) : IAsyncLifetime
{
    private const string Description = "a man in a red shirt and blue trousers";
    private SearchServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await SearchServer.StartAsync(data);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Ungrouped_results_are_the_best_crops_by_cosine_similarity_best_first()
    {
        var expected = data.Ranked(data.EmbedText(Description));

        var response = await (await _server.PostAsync("/api/search", new { text = Description, k = 7, groupByTrack = false })).ReadSearchAsync();

        Assert.False(response.GroupedByTrack);
        Assert.Equal(data.ModelVersion, response.ModelVersion);
        Assert.True(response.TookMs >= 0);
        Assert.True(expected[6].Score - expected[7].Score > 1e-5, "The test data has a tie at the cut-off.");
        Assert.Equal(expected.Take(7).Select(e => e.Crop.CropId), response.Results.Select(r => r.CropId));
        Assert.All(response.Results.Zip(expected), pair => Assert.Equal(pair.Second.Score, pair.First.Score, 1e-4f));
        Assert.All(response.Results.Zip(response.Results.Skip(1)), pair => Assert.True(pair.First.Score >= pair.Second.Score));
        Assert.All(response.Results, result => Assert.Null(result.Sightings));
    }

    [Fact]
    public async Task A_result_carries_the_crops_camera_time_track_box_and_image_links()
    {
        var response = await (await _server.PostAsync("/api/search", new { text = Description, k = 50, groupByTrack = false })).ReadSearchAsync();

        Assert.Equal(data.Crops.Count, response.Results.Count);
        foreach (var result in response.Results)
        {
            var stored = data.Crop(result.CropId);
            Assert.Equal(stored.CameraId, result.CameraId);
            Assert.Equal(stored.Time, result.Time);
            Assert.Equal(stored.TrackId, result.TrackId);
            Assert.Equal(new CropBox(stored.Box.X, stored.Box.Y, stored.Box.Width, stored.Box.Height), result.Box);
            Assert.Equal($"/api/crops/{stored.CropId}/image", result.ThumbnailUrl);
            Assert.Equal($"/api/crops/{stored.CropId}/frame", result.FrameUrl);
        }
    }

    [Fact]
    public async Task Grouped_results_are_one_per_track_with_its_best_crop_and_other_sightings()
    {
        var ranked = data.Ranked(data.EmbedText(Description));
        var expectedTracks = ranked
            .GroupBy(e => (e.Crop.CameraId, e.Crop.TrackId))
            .Select(track => track.ToList())
            .OrderByDescending(track => track[0].Score)
            .Take(5)
            .ToList();

        var response = await (await _server.PostAsync("/api/search", new { text = Description, k = 5, cropsPerTrack = 2 })).ReadSearchAsync();

        Assert.True(response.GroupedByTrack);
        Assert.Equal(expectedTracks.Select(track => track[0].Crop.CropId), response.Results.Select(r => r.CropId));
        foreach (var (result, track) in response.Results.Zip(expectedTracks))
        {
            Assert.Equal(track.Skip(1).Take(1).Select(e => e.Crop.CropId), result.Sightings!.Select(s => s.CropId));
            Assert.All(result.Sightings!, sighting =>
            {
                Assert.Equal((result.CameraId, result.TrackId), (sighting.CameraId, sighting.TrackId));
                Assert.True(sighting.Score <= result.Score);
                Assert.Equal($"/api/crops/{sighting.CropId}/frame", sighting.FrameUrl);
            });
            Assert.Equal(track.Count, result.MatchingCrops);
        }
        Assert.Equal(response.Results.Count, response.Results.Select(r => (r.CameraId, r.TrackId)).Distinct().Count());
    }

    [Fact]
    public async Task Grouping_is_the_default_with_up_to_two_sightings()
    {
        var response = await (await _server.PostAsync("/api/search", new { text = Description })).ReadSearchAsync();

        Assert.True(response.GroupedByTrack);
        var tracks = (SearchFixture.Cameras.Count * SearchFixture.TracksPerCamera) + 3;
        Assert.Equal(Math.Min(SearchLimits.DefaultK, tracks), response.Results.Count);
        var full = response.Results.Where(r => r.CameraId != SearchFixture.BrokenCamera).ToList();
        Assert.All(full, result => Assert.Equal(SearchLimits.DefaultCropsPerTrack - 1, result.Sightings!.Count));
        Assert.All(full, result => Assert.Equal(SearchFixture.ShotsPerTrack, result.MatchingCrops));
    }

    [Fact]
    public async Task One_crop_per_track_gives_results_without_sightings()
    {
        var response = await (await _server.PostAsync("/api/search", new { text = Description, cropsPerTrack = 1 })).ReadSearchAsync();

        Assert.All(response.Results, result => Assert.Empty(result.Sightings!));
    }

    [Fact]
    public async Task The_camera_filter_returns_only_those_cameras()
    {
        string[] cameras = ["lobby", "car-park"];
        var expected = data.Ranked(data.EmbedText(Description), crop => cameras.Contains(crop.CameraId));

        var response = await (await _server.PostAsync("/api/search", new { text = Description, cameras, k = 100, groupByTrack = false })).ReadSearchAsync();

        Assert.Equal(expected.Select(e => e.Crop.CropId), response.Results.Select(r => r.CropId));
        Assert.Equal(cameras.Order(), response.Results.Select(r => r.CameraId).Distinct().Order());
    }

    [Fact]
    public async Task A_camera_without_crops_gives_no_results()
    {
        var response = await (await _server.PostAsync("/api/search", new { text = Description, cameras = new[] { "unknown-camera" } })).ReadSearchAsync();

        Assert.Empty(response.Results);
    }

    [Fact]
    public async Task The_time_filter_includes_from_and_excludes_to()
    {
        // The lobby's track 2 is captured at 09:20:00, 09:20:20 and 09:20:40.
        var from = SearchFixture.Start.AddHours(1).AddMinutes(20);
        var to = from.AddSeconds(40);

        var response = await (await _server.PostAsync("/api/search", new { text = Description, from, to, groupByTrack = false })).ReadSearchAsync();

        Assert.Equal(["lobby.2.0", "lobby.2.1"], response.Results.Select(r => r.CropId).Order(StringComparer.Ordinal));
        Assert.All(response.Results, result => Assert.InRange(result.Time, from, to.AddTicks(-1)));
    }

    [Fact]
    public async Task Grouped_search_with_a_time_filter_counts_only_the_matching_crops_of_a_track()
    {
        var from = SearchFixture.Start.AddHours(1).AddMinutes(20).AddSeconds(10);
        var to = from.AddMinutes(5);

        var response = await (await _server.PostAsync("/api/search", new { text = Description, from, to })).ReadSearchAsync();

        var track = Assert.Single(response.Results);
        Assert.Equal(("lobby", 2L), (track.CameraId, track.TrackId));
        Assert.Equal(2, track.MatchingCrops);
        Assert.Single(track.Sightings!);
    }

    [Fact]
    public async Task The_description_is_trimmed_and_the_same_words_score_the_same()
    {
        var plain = await (await _server.PostAsync("/api/search", new { text = Description, groupByTrack = false, k = 3 })).ReadSearchAsync();
        var padded = await (await _server.PostAsync("/api/search", new { text = $"  \t{Description}\n ", groupByTrack = false, k = 3 })).ReadSearchAsync();

        Assert.Equal(plain.Results.Select(r => (r.CropId, r.Score)), padded.Results.Select(r => (r.CropId, r.Score)));
    }

    [Fact]
    public async Task Different_descriptions_rank_differently()
    {
        var red = await (await _server.PostAsync("/api/search", new { text = "red shirt", groupByTrack = false, k = 50 })).ReadSearchAsync();
        var yellow = await (await _server.PostAsync("/api/search", new { text = "a woman in a yellow jacket and black trousers", groupByTrack = false, k = 50 })).ReadSearchAsync();

        Assert.NotEqual(red.Results.Select(r => r.Score), yellow.Results.Select(r => r.Score));
        var expected = data.Ranked(data.EmbedText("a woman in a yellow jacket and black trousers"));
        Assert.Equal(expected.Select(e => e.Crop.CropId), yellow.Results.Select(r => r.CropId));
    }
}
