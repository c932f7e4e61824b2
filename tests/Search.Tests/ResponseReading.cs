using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace VfeTps.Stream.Search.Tests;

/// <summary>Reads API answers, failing with the body in the message when the status is not the expected one.</summary>
internal static class ResponseReading
{
    /// <summary>How the API writes JSON: web defaults, enums by name.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)
            ?? throw new InvalidOperationException($"The body is null: {body}");
    }

    /// <summary>A 400 ValidationProblem's errors, by field.</summary>
    public static async Task<IDictionary<string, string[]>> ReadValidationErrorsAsync(this HttpResponseMessage response)
    {
        var problem = await response.ReadAsync<HttpValidationProblemDetails>(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.Errors);
        return problem.Errors;
    }

    public static Task<ProblemDetails> ReadProblemAsync(this HttpResponseMessage response, HttpStatusCode expected) =>
        response.ReadAsync<ProblemDetails>(expected);

    public static Task<SearchResponse> ReadSearchAsync(this HttpResponseMessage response) => response.ReadAsync<SearchResponse>();

    public static Task<byte[]> ReadBytesAsync(this HttpResponseMessage response) =>
        response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
}
