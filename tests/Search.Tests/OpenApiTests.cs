using System.Text.Json;

namespace VfeTps.Stream.Search.Tests;

public sealed class OpenApiTests(SearchFixture data)
{
    [Fact]
    public async Task The_openapi_document_lists_every_route_with_a_summary()
    {
        await using var server = await SearchServer.StartAsync(data);

        var response = await server.Client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(await response.ReadBytesAsync());

        response.EnsureSuccessStatusCode();
        var paths = document.RootElement.GetProperty("paths");
        (string Path, string Method)[] routes =
        [
            ("/api/search", "post"),
            ("/api/search/similar", "post"),
            ("/api/crops/{cropId}/image", "get"),
            ("/api/crops/{cropId}/frame", "get"),
            ("/api/cameras", "get"),
            ("/api/cameras", "post"),
            ("/api/cameras/{id}", "get"),
            ("/api/cameras/{id}", "delete"),
            ("/api/model", "get"),
        ];
        foreach (var (path, method) in routes)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is missing from the OpenAPI document.");
            Assert.True(item.TryGetProperty(method, out var operation), $"{method} {path} is missing from the OpenAPI document.");
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), $"{method} {path} has no summary.");
        }
        // Besides these, only the access library's routes (mapped by the same host) are documented.
        var others = paths.EnumerateObject().Select(p => p.Name).Except(routes.Select(r => r.Path)).ToArray();
        Assert.All(others, path => Assert.True(path.StartsWith("/api/auth/", StringComparison.Ordinal) || path.StartsWith("/api/users", StringComparison.Ordinal) || path.StartsWith("/api/keys", StringComparison.Ordinal), $"{path} is not a search or access route."));
    }

    [Fact]
    public async Task The_search_operation_documents_its_body_and_answers()
    {
        await using var server = await SearchServer.StartAsync(data);

        using var document = JsonDocument.Parse(await server.Client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken));

        var search = document.RootElement.GetProperty("paths").GetProperty("/api/search").GetProperty("post");
        Assert.True(search.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        var answers = search.GetProperty("responses").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "200", "400", "503" }, answers);
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var request = schemas.GetProperty(nameof(SearchRequest)).GetProperty("properties");
        Assert.Equal(
            ["cameras", "cropsPerTrack", "from", "groupByTrack", "k", "text", "to"],
            request.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.True(schemas.TryGetProperty(nameof(SearchResponse), out _));
    }
}
