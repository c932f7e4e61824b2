using System.Text.Json;

namespace VfeTps.Stream.Datasets;

/// <summary>Short descriptions of JSON values for error messages.</summary>
internal static class JsonText
{
    private const int MaxShownCharacters = 40;

    /// <summary>E.g. "a string (\"12\")", "an object", "null".</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => $"an array of {value.GetArrayLength()} items",
        JsonValueKind.String => $"a string ({Shorten(value.GetRawText())})",
        JsonValueKind.Number => $"the number {Shorten(value.GetRawText())}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        JsonValueKind.Null => "null",
        _ => value.ValueKind.ToString(),
    };

    private static string Shorten(string text) => text.Length <= MaxShownCharacters ? text : $"{text[..MaxShownCharacters]}…";
}
