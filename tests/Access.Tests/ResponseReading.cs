using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace VfeTps.Stream.Access.Tests;

/// <summary>Reads API answers, failing with the body in the message when the status is not the expected one.</summary>
internal static class ResponseReading
{
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json) ?? throw new InvalidOperationException($"The body is null: {body}");
    }

    /// <summary>A 400 ValidationProblem's errors, by field.</summary>
    public static async Task<IDictionary<string, string[]>> ReadValidationErrorsAsync(this HttpResponseMessage response)
    {
        var problem = await response.ReadAsync<HttpValidationProblemDetails>(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.Errors);
        return problem.Errors;
    }

    /// <summary>A ProblemDetails answer of the given status, checking the content type says so.</summary>
    public static async Task<ProblemDetails> ReadProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var problem = await response.ReadAsync<ProblemDetails>(expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, problem.Status);
        return problem;
    }

    public static Task<string> ReadTextAsync(this HttpResponseMessage response) =>
        response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
}
