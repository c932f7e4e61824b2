using Microsoft.AspNetCore.Builder;

namespace VfeTps.Stream.WebApi;

/// <summary>
/// Documents an endpoint's JSON request body for OpenAPI without <c>.Accepts&lt;T&gt;()</c>: that one
/// also makes routing answer another content type itself, with an empty 415 (and, for an anonymous
/// caller, a 401 from the fallback policy instead), where <see cref="JsonBodyReader"/> answers a
/// ProblemDetails 415 that says what to send. <see cref="JsonRequestBodyTransformer"/> writes it into the document.
/// </summary>
public sealed record JsonRequestBody(Type BodyType);

/// <summary>Adds <see cref="JsonRequestBody"/> metadata.</summary>
public static class JsonRequestBodyExtensions
{
    /// <summary>The endpoint reads a <typeparamref name="T"/> as JSON through <see cref="JsonBodyReader"/>.</summary>
    public static RouteHandlerBuilder ReadsJson<T>(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new JsonRequestBody(typeof(T)));
}
