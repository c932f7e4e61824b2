using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace VfeTps.Stream.WebApi;

/// <summary>
/// Reads JSON request bodies strictly and answers every fault with a 4xx that names the field:
/// minimal APIs' own binding answers malformed JSON with an empty 400 and ignores unknown fields, so a
/// typo like <c>"camera"</c> for <c>"cameras"</c> would silently search every camera. Unknown fields are
/// refused, bodies over the caller's limit are refused unread,
/// and only <c>application/json</c> is accepted (415 otherwise). The last is part of the CSRF defence:
/// a cross-site HTML form can only send form or text bodies, never JSON without a CORS preflight.
/// </summary>
public static class JsonBodyReader
{
    /// <summary>Web defaults (camelCase, case-insensitive) with unknown fields refused and numbers only as JSON numbers.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static async Task<JsonBody<T>> ReadAsync<T>(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return JsonBody<T>.Failed(TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "The body must be JSON.",
                detail: "Send the request body as a JSON object with Content-Type: application/json."));
        }

        if (request.ContentLength > maxBytes)
            return JsonBody<T>.Failed(TooLarge(maxBytes));

        var body = await ReadLimitedAsync(request.Body, maxBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
            return JsonBody<T>.Failed(TooLarge(maxBytes));
        if (body.Length == 0)
            return Invalid<T>("body", "The request body is empty: send a JSON object.");

        try
        {
            var value = JsonSerializer.Deserialize<T>(body, Options);
            return value is null ? Invalid<T>("body", "The request body is null: send a JSON object.") : JsonBody<T>.Of(value);
        }
        catch (JsonException error)
        {
            return JsonBody<T>.Failed(TypedResults.ValidationProblem(Describe<T>(body, error), title: "The request body is not valid."));
        }
    }

    private static JsonBody<T> Invalid<T>(string field, string message)
        where T : class =>
        JsonBody<T>.Failed(TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request body is not valid."));

    private static ProblemHttpResult TooLarge(int maxBytes) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "The request body is too large.",
            detail: $"A request body may have at most {maxBytes} bytes.");

    /// <summary>The whole body, or null when it is longer than <paramref name="maxBytes"/> (reading stops there).</summary>
    private static async Task<byte[]?> ReadLimitedAsync(System.IO.Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(maxBytes + 1, 16 * 1024));
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(maxBytes + 1, buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await body.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, maxBytes + 1) - length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                    return buffer.AsSpan(0, length).ToArray();
                length += read;
                if (length > maxBytes)
                    return null;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Turns a deserialisation failure into field-level messages without .NET type names.</summary>
    private static Dictionary<string, string[]> Describe<T>(byte[] body, JsonException error)
    {
        var typeInfo = Options.GetTypeInfo(typeof(T));
        var fields = typeInfo.Properties.ToDictionary(property => property.Name, StringComparer.OrdinalIgnoreCase);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            var where = error.LineNumber is { } line && error.BytePositionInLine is { } position
                ? $" (line {line + 1}, byte {position + 1})"
                : string.Empty;
            return new() { ["body"] = [$"The request body is not valid JSON{where}."] };
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return new() { ["body"] = [$"The request body must be a JSON object, not {Article(document.RootElement.ValueKind)}."] };

            var known = string.Join(", ", fields.Values.Select(property => property.Name));
            var unknown = document.RootElement.EnumerateObject()
                .Select(property => property.Name)
                .Where(name => !fields.ContainsKey(name))
                .Distinct(StringComparer.Ordinal)
                .Take(10)
                .ToDictionary(name => Shorten(name), name => new[] { $"Unknown field '{Shorten(name)}'. The fields are: {known}." });
            if (unknown.Count > 0)
                return unknown;
        }

        // The JSON is well formed and every field is known: a value has the wrong type or format.
        var field = TopLevelField(error.Path);
        if (field is not null && fields.TryGetValue(field, out var member))
            return new() { [member.Name] = [$"'{member.Name}' must be {Expected(member.PropertyType)}."] };
        return new() { ["body"] = ["The request body does not have the expected shape."] };
    }

    /// <summary>"$.cameras[2]" → "cameras"; null for the root.</summary>
    private static string? TopLevelField(string? path)
    {
        if (path is null || !path.StartsWith("$.", StringComparison.Ordinal))
            return null;
        var name = path[2..];
        var end = name.IndexOfAny(['.', '[']);
        return end < 0 ? name : name[..end];
    }

    private static string Expected(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
            return "a string";
        if (type == typeof(int) || type == typeof(long))
            return "a whole number";
        if (type == typeof(double) || type == typeof(float))
            return "a number";
        if (type == typeof(bool))
            return "true or false";
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
            return "an ISO 8601 date and time, e.g. 2026-11-28T14:30:00Z";
        if (type != typeof(string) && type.IsAssignableTo(typeof(System.Collections.IEnumerable)))
            return "an array of strings";
        return "a value of another type";
    }

    private static string Article(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string Shorten(string value) => value.Length <= 64 ? value : string.Concat(value.AsSpan(0, 64), "…");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            // The web defaults read "3" or "NaN" as numbers; a number must be a JSON number here.
            NumberHandling = JsonNumberHandling.Strict,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }
}
