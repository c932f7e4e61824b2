using System.Text.Json;
using System.Text.Json.Nodes;

namespace VfeTps.Stream.Datasets;

/// <summary>
/// Copies a <see cref="JsonElement"/> into fully built <see cref="JsonNode"/>s. Nodes created from an
/// element initialise lazily, which is not safe when data loader threads read them concurrently,
/// and would keep the whole annotation document alive.
/// </summary>
internal static class JsonTreeCopy
{
    public static JsonObject Object(JsonElement element)
    {
        var result = new JsonObject();
        foreach (var property in element.EnumerateObject())
        {
            result[property.Name] = Node(property.Value);
        }

        return result;
    }

    private static JsonNode? Node(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => Object(element),
        JsonValueKind.Array => new JsonArray([.. element.EnumerateArray().Select(Node)]),
        JsonValueKind.String => JsonValue.Create(element.GetString()),
        JsonValueKind.Number => element.TryGetInt64(out var integer) ? JsonValue.Create(integer)
            : element.TryGetDouble(out var real) ? JsonValue.Create(real)
            : JsonValue.Create(element.GetRawText()), // beyond double's range: kept as written
        JsonValueKind.True => JsonValue.Create(true),
        JsonValueKind.False => JsonValue.Create(false),
        _ => null,
    };
}
