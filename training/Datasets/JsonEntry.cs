using System.Text.Json;

namespace VfeTps.Stream.Datasets;

/// <summary>
/// One object of a JSON array file, read field by field with checks whose errors name the file,
/// the entry index and the field.
/// </summary>
internal sealed class JsonEntry
{
    private readonly string _what;
    private readonly JsonElement _element;

    private JsonEntry(string what, string filePath, int index, JsonElement element)
    {
        _what = what;
        FilePath = filePath;
        Index = index;
        _element = element;
    }

    public string FilePath { get; }

    public int Index { get; }

    /// <summary>Identifies the entry further in messages once known, e.g. its image path.</summary>
    public string? Context { get; set; }

    /// <summary>Wraps array item <paramref name="index"/>, which must be an object.</summary>
    public static JsonEntry Open(string what, string filePath, int index, JsonElement element)
    {
        var entry = new JsonEntry(what, filePath, index, element);
        return element.ValueKind == JsonValueKind.Object
            ? entry
            : throw entry.Error(null, $"must be a JSON object, but is {JsonText.Describe(element)}");
    }

    public JsonElement Required(string field) =>
        _element.TryGetProperty(field, out var value)
            ? value
            : throw Error(field, $"the field '{field}' is missing");

    /// <summary>False when the field is absent or null.</summary>
    public bool TryGetOptional(string field, out JsonElement value) =>
        _element.TryGetProperty(field, out value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>A string that is not empty or only white space.</summary>
    public string RequiredText(string field)
    {
        var value = Required(field);
        return Text(field, value);
    }

    public string Text(string field, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw WrongType(field, "a string", value);
        }

        var text = value.GetString()!;
        return string.IsNullOrWhiteSpace(text) ? throw Error(field, $"the field '{field}' is empty") : text;
    }

    public int RequiredInteger(string field) => Integer(field, Required(field));

    public int Integer(string field, JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw WrongType(field, "an integer", value);

    public DatasetFormatException WrongType(string field, string expected, JsonElement value) =>
        Error(field, $"the field '{field}' must be {expected}, but is {JsonText.Describe(value)}");

    public DatasetFormatException Error(string? field, string problem)
    {
        var context = Context is null ? string.Empty : $" ({Context})";
        return new DatasetFormatException($"The {_what} '{FilePath}', entry {Index}{context}: {problem}.", FilePath, Index, field);
    }
}
