using System.Net;
using System.Text;

namespace VfeTps.Stream.Search.Tests;

/// <summary>Every request the search refuses gets a 400 that names the field and says what is wrong.</summary>
public sealed class SearchValidationTests(SearchFixture data) : IAsyncLifetime
{
    private SearchServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await SearchServer.StartAsync(data);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    public static TheoryData<string, string, string> InvalidSearches => new()
    {
        { """{}""", "text", "required" },
        { """{ "text": null }""", "text", "required" },
        { """{ "text": "   \t\n " }""", "text", "empty" },
        { $$"""{ "text": "{{new string('a', 1001)}}" }""", "text", "more than 1000 characters" },
        { """{ "text": "red coat", "k": 0 }""", "k", "between 1 and 200 (got 0)" },
        { """{ "text": "red coat", "k": 201 }""", "k", "between 1 and 200 (got 201)" },
        { """{ "text": "red coat", "k": -5 }""", "k", "got -5" },
        { """{ "text": "red coat", "cropsPerTrack": 0 }""", "cropsPerTrack", "between 1 and 10" },
        { """{ "text": "red coat", "cropsPerTrack": 11 }""", "cropsPerTrack", "between 1 and 10" },
        { """{ "text": "red coat", "cameras": ["Entrance"] }""", "cameras[0]", "'Entrance' is not a camera id" },
        { """{ "text": "red coat", "cameras": ["lobby", "../../etc/passwd"] }""", "cameras[1]", "not a camera id" },
        { """{ "text": "red coat", "cameras": ["x' OR '1'='1"] }""", "cameras[0]", "not a camera id" },
        { """{ "text": "red coat", "cameras": ["lobby; DROP TABLE crops"] }""", "cameras[0]", "not a camera id" },
        { """{ "text": "red coat", "cameras": [""] }""", "cameras[0]", "not a camera id" },
        { """{ "text": "red coat", "cameras": [null] }""", "cameras[0]", "null is not a camera id" },
        { """{ "text": "red coat", "from": "2026-11-28T10:00:00Z", "to": "2026-11-28T10:00:00Z" }""", "from", "must be before to" },
        { """{ "text": "red coat", "from": "2026-11-28T11:00:00Z", "to": "2026-11-28T10:00:00Z" }""", "from", "must be before to" },
        { """{ "text": "red coat", "from": "2025-01-01T00:00:00Z", "to": "2026-11-28T00:00:00Z" }""", "to", "at most 366 days" },
        { """{ "text": "red coat", "from": "0001-01-01T00:00:00Z", "to": "9999-12-31T00:00:00Z" }""", "to", "at most 366 days" },
        { """{ "text": "red coat", "camera": ["lobby"] }""", "camera", "Unknown field 'camera'" },
        { """{ "text": "red coat", "limit": 5 }""", "limit", "The fields are: text, cameras, from, to, k, groupByTrack, cropsPerTrack" },
        { """{ "text": "red coat", "k": "many" }""", "k", "'k' must be a whole number" },
        { """{ "text": "red coat", "k": 2.5 }""", "k", "'k' must be a whole number" },
        { """{ "text": "red coat", "k": 99999999999999 }""", "k", "'k' must be a whole number" },
        { """{ "text": "red coat", "from": "yesterday" }""", "from", "ISO 8601" },
        { """{ "text": "red coat", "cameras": "lobby" }""", "cameras", "an array of strings" },
        { """{ "text": "red coat", "cameras": [1, 2] }""", "cameras", "an array of strings" },
        { """{ "text": 42 }""", "text", "'text' must be a string" },
        { """{ "text": "red coat", "groupByTrack": "yes" }""", "groupByTrack", "true or false" },
        { """{ "text": "red coat" """, "body", "not valid JSON" },
        { """{ "text": "red coat", }""", "body", "not valid JSON" },
        { """not json at all""", "body", "not valid JSON" },
        { """["red coat"]""", "body", "must be a JSON object, not an array" },
        { """ "red coat" """, "body", "must be a JSON object, not a string" },
        { """null""", "body", "null" },
        { "", "body", "empty" },
    };

    [Theory]
    [MemberData(nameof(InvalidSearches))]
    public async Task An_invalid_search_is_answered_400_naming_the_field(string body, string field, string message)
    {
        var errors = await (await _server.PostJsonAsync("/api/search", body)).ReadValidationErrorsAsync();

        Assert.True(errors.ContainsKey(field), $"No error for '{field}' in: {string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
        Assert.Contains(errors[field], text => text.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_problem_of_a_request_is_reported_at_once()
    {
        var errors = await (await _server.PostJsonAsync("/api/search", """{ "text": " ", "k": 0, "cropsPerTrack": 99, "cameras": ["A"] }""")).ReadValidationErrorsAsync();

        Assert.Equal(["cameras[0]", "cropsPerTrack", "k", "text"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task More_than_256_cameras_are_refused()
    {
        var cameras = Enumerable.Range(0, 257).Select(i => $"camera-{i}").ToArray();

        var errors = await (await _server.PostAsync("/api/search", new { text = "red coat", cameras })).ReadValidationErrorsAsync();

        Assert.Contains("At most 256 cameras", Assert.Single(errors["cameras"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exactly_256_cameras_are_accepted()
    {
        var cameras = Enumerable.Range(0, 255).Select(i => $"camera-{i}").Append("lobby").ToArray();

        var response = await (await _server.PostAsync("/api/search", new { text = "red coat", cameras, groupByTrack = false, k = 50 })).ReadSearchAsync();

        Assert.Equal(SearchFixture.TracksPerCamera * SearchFixture.ShotsPerTrack, response.Results.Count);
    }

    [Fact]
    public async Task Many_bad_camera_ids_are_reported_by_a_few_examples()
    {
        var cameras = Enumerable.Range(0, 200).Select(i => $"BAD {i}").ToArray();

        var errors = await (await _server.PostAsync("/api/search", new { text = "red coat", cameras })).ReadValidationErrorsAsync();

        Assert.Equal(5, errors.Keys.Count(key => key.StartsWith("cameras[", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_longest_allowed_description_is_accepted()
    {
        var response = await (await _server.PostAsync("/api/search", new { text = string.Concat(Enumerable.Repeat("red coat ", 111)) + "b" })).ReadSearchAsync();

        Assert.NotEmpty(response.Results);
    }

    [Fact]
    public async Task A_description_is_measured_in_characters_not_utf16_units()
    {
        // 1000 emoji are 2000 UTF-16 units but 1000 characters: accepted; one more is refused.
        var atLimit = string.Concat(Enumerable.Repeat("🧥", 1000));

        var accepted = await _server.PostAsync("/api/search", new { text = atLimit });
        var refused = await _server.PostAsync("/api/search", new { text = atLimit + "🧥" });

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("more than 1000 characters", Assert.Single((await refused.ReadValidationErrorsAsync())["text"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hostile_input_is_refused_and_the_next_query_still_works()
    {
        var hostile = new[]
        {
            System.Text.Json.JsonSerializer.Serialize(new { text = new string('x', 10_000) }),
            System.Text.Json.JsonSerializer.Serialize(new { text = string.Concat(Enumerable.Repeat("日本語 ", 3000)) }),
            """{ "text": "red", "cameras": ["<script>alert(1)</script>", "' OR 1=1 --", "$(rm -rf /)"] }""",
            new string('[', 5000) + new string(']', 5000),
            """{ "text": "red", "k": 1e400 }""",
        };

        foreach (var body in hostile)
        {
            var response = await _server.PostJsonAsync("/api/search", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        var after = await (await _server.PostAsync("/api/search", new { text = "red coat", k = 3 })).ReadSearchAsync();
        Assert.Equal(3, after.Results.Count);
    }

    [Theory]
    [InlineData("🧥 rouge avec un sac à dos noir 👜")]
    [InlineData("رجل يرتدي معطفا أحمر")]
    [InlineData("穿红色外套的男人")]
    [InlineData("e\u0301\u0301\u0301 zalgo t\u0336e\u0336x\u0336t")]
    [InlineData("nul \u0000 byte and \u001b[31m escape")]
    [InlineData("\uFEFF\u200B\u200D")]
    [InlineData("'; DROP TABLE crops; --")]
    public async Task Unusual_unicode_descriptions_are_searched(string text)
    {
        var response = await (await _server.PostAsync("/api/search", new { text, k = 4, groupByTrack = false })).ReadSearchAsync();

        var expected = data.Ranked(data.EmbedText(text));
        Assert.Equal(expected.Take(4).Select(e => e.Crop.CropId), response.Results.Select(r => r.CropId));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_answered_415()
    {
        var response = await _server.Client.PostAsync(
            "/api/search", new StringContent("text=red coat", Encoding.UTF8, "application/x-www-form-urlencoded"), TestContext.Current.CancellationToken);

        // A ProblemDetails that says what to send (not routing's empty 415).
        var problem = await response.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("application/json", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_without_a_content_type_is_answered_415()
    {
        var response = await _server.Client.PostAsync("/api/search", new ByteArrayContent("{\"text\":\"red\"}"u8.ToArray()), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_answered_413()
    {
        var body = System.Text.Json.JsonSerializer.Serialize(new { text = "red", padding = new string(' ', 300 * 1024) });

        var problem = await (await _server.PostJsonAsync("/api/search", body)).ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("262144 bytes", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_limit_without_a_length_is_answered_413()
    {
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"text\":\"" + new string('a', 300 * 1024) + "\"}")));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/search") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await _server.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_lower_configured_query_limit_applies()
    {
        await using var server = await SearchServer.StartAsync(data, settings: new Dictionary<string, string?> { ["Search:MaxQueryCharacters"] = "20", ["Search:MaxResults"] = "25" });

        var tooLong = await (await server.PostAsync("/api/search", new { text = new string('a', 21) })).ReadValidationErrorsAsync();
        var tooMany = await (await server.PostAsync("/api/search", new { text = "red", k = 26 })).ReadValidationErrorsAsync();
        var fine = await server.PostAsync("/api/search", new { text = new string('a', 20), k = 25 });

        Assert.Contains("more than 20 characters", Assert.Single(tooLong["text"]), StringComparison.Ordinal);
        Assert.Contains("between 1 and 25", Assert.Single(tooMany["k"]), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
    }

    [Fact]
    public async Task A_query_limit_above_the_text_towers_is_capped_by_the_tower()
    {
        await using var server = await SearchServer.StartAsync(data, settings: new Dictionary<string, string?> { ["Search:MaxQueryCharacters"] = "5000" });

        var errors = await (await server.PostAsync("/api/search", new { text = new string('a', 1001) })).ReadValidationErrorsAsync();

        Assert.Contains("more than 1000 characters", Assert.Single(errors["text"]), StringComparison.Ordinal);
    }
}
