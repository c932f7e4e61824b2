using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using VfeTps.Stream.WebApi;

namespace VfeTps.Stream.Access;

/// <summary>The ProblemDetails answers of the access library (RFC 9457 bodies, never a redirect).</summary>
internal static class Problems
{
    public static ProblemHttpResult Unauthorized(string title, string? detail = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: title, detail: detail);

    public static ProblemHttpResult Forbidden(string title, string? detail = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: title, detail: detail);

    public static ProblemHttpResult NotFound(string title, string? detail = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);

    public static ProblemHttpResult Conflict(string title, string? detail = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: detail);

    public static ProblemHttpResult BadRequest(string title, string? detail = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);

    /// <summary>429 with <c>Retry-After</c> (whole seconds, at least 1) set on the response.</summary>
    public static ProblemHttpResult TooManyRequests(HttpResponse response, TimeSpan retryAfter, string title, string detail)
    {
        response.Headers.RetryAfter = RetryAfterSeconds(retryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: title, detail: detail);
    }

    public static ValidationProblem Invalid(ValidationErrors errors, string title) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), title: title);

    public static int RetryAfterSeconds(TimeSpan retryAfter) => Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
}
