using Microsoft.AspNetCore.Http.HttpResults;

namespace VfeTps.Stream.WebApi;

/// <summary>A request body read by <see cref="JsonBodyReader"/>: the value, or why there is none.</summary>
public sealed class JsonBody<T>
    where T : class
{
    private JsonBody(T? value, ValidationProblem? invalid, ProblemHttpResult? refused)
    {
        Value = value;
        Invalid = invalid;
        Refused = refused;
    }

    /// <summary>The body, when it was a valid JSON object of the expected shape.</summary>
    public T? Value { get; }

    /// <summary>400: malformed JSON, an unknown field or a value of the wrong type, by field name.</summary>
    public ValidationProblem? Invalid { get; }

    /// <summary>413 (too large) or 415 (not JSON).</summary>
    public ProblemHttpResult? Refused { get; }

    public static JsonBody<T> Of(T value) => new(value, null, null);

    public static JsonBody<T> Failed(ValidationProblem invalid) => new(null, invalid, null);

    public static JsonBody<T> Failed(ProblemHttpResult refused) => new(null, null, refused);
}
