using System.Globalization;
using System.Text.Json;

namespace VfeTps.Stream.Inference;

/// <summary>
/// Reads the fields of one JSON object of the manifest and records every problem with the field's
/// path (<c>image.height</c>, <c>files['text-tower.onnx']</c>), so that one pass reports them all.
/// Readers return null (or the default) after recording a problem, and the caller carries on.
/// </summary>
internal readonly struct ManifestSection(JsonElement element, string path, List<string> problems)
{
    public JsonElement Element => element;

    public string FieldPath(string name) => path.Length == 0 ? name : $"{path}.{name}";

    public void Problem(string message) => problems.Add(message);

    public bool Has(string name) => element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public ManifestSection? RequiredObject(string name)
    {
        if (!Require(name, out var value))
            return null;
        return AsObject(name, value);
    }

    /// <summary>The object at <paramref name="name"/>, or null without a problem when absent.</summary>
    public ManifestSection? OptionalObject(string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? AsObject(name, value) : null;

    public string? RequiredString(string name) => Require(name, out var value) ? AsString(name, value) : null;

    public string OptionalString(string name, string fallback) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? AsString(name, value) ?? fallback : fallback;

    /// <summary>A bundle-relative path, checked so that it cannot leave the bundle folder.</summary>
    public string? RequiredPath(string name) => CheckPath(name, RequiredString(name));

    /// <summary>An integer from <paramref name="minimum"/> to <paramref name="maximum"/>, both included.</summary>
    public int? RequiredInt(string name, int minimum, int maximum = int.MaxValue)
    {
        if (!Require(name, out var value))
            return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            problems.Add($"{FieldPath(name)} must be an integer (got {Describe(value)}).");
            return null;
        }
        if (number < minimum)
        {
            problems.Add(minimum == 1
                ? $"{FieldPath(name)} must be positive (got {number})."
                : $"{FieldPath(name)} must be at least {minimum} (got {number}).");
            return null;
        }
        if (number > maximum)
        {
            problems.Add($"{FieldPath(name)} must be at most {maximum} (got {number}).");
            return null;
        }
        return number;
    }

    public double? RequiredNumber(string name, double minimum, double maximum)
    {
        if (!Require(name, out var value))
            return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            problems.Add($"{FieldPath(name)} must be a number (got {Describe(value)}).");
            return null;
        }
        if (number < minimum || number > maximum)
        {
            problems.Add($"{FieldPath(name)} must lie between {minimum} and {maximum} (got {number.ToString(CultureInfo.InvariantCulture)}).");
            return null;
        }
        return number;
    }

    /// <summary>Three finite numbers, R, G, B; with <paramref name="positive"/> each must also exceed zero.</summary>
    public float[]? RequiredTriplet(string name, bool positive)
    {
        if (!Require(name, out var value))
            return null;
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() != 3)
        {
            var got = value.ValueKind == JsonValueKind.Array ? $"{value.GetArrayLength()} values" : Describe(value);
            problems.Add($"{FieldPath(name)} must hold 3 numbers, R, G, B (got {got}).");
            return null;
        }
        var triplet = new float[3];
        var valid = true;
        for (var channel = 0; channel < 3; channel++)
        {
            var item = value[channel];
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetSingle(out triplet[channel]) || !float.IsFinite(triplet[channel]))
            {
                problems.Add($"{FieldPath(name)}[{channel}] must be a finite number (got {Describe(item)}).");
                valid = false;
            }
            else if (positive && triplet[channel] <= 0f)
            {
                problems.Add($"{FieldPath(name)}[{channel}] must be positive (got {triplet[channel].ToString(CultureInfo.InvariantCulture)}).");
                valid = false;
            }
        }
        return valid ? triplet : null;
    }

    public DateTimeOffset? RequiredTimestamp(string name)
    {
        if (!Require(name, out var value))
            return null;
        if (value.ValueKind != JsonValueKind.String || !value.TryGetDateTimeOffset(out var timestamp))
        {
            problems.Add($"{FieldPath(name)} must be an ISO 8601 date and time, e.g. 2026-11-28T12:00:00+00:00 (got {Describe(value)}).");
            return null;
        }
        return timestamp;
    }

    private bool Require(string name, out JsonElement value)
    {
        if (element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
            return true;
        problems.Add($"{FieldPath(name)} is missing.");
        return false;
    }

    private ManifestSection? AsObject(string name, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Object)
            return new ManifestSection(value, FieldPath(name), problems);
        problems.Add($"{FieldPath(name)} must be a JSON object (got {Describe(value)}).");
        return null;
    }

    private string? AsString(string name, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            problems.Add($"{FieldPath(name)} must be a non-empty string (got {Describe(value)}).");
            return null;
        }
        return value.GetString();
    }

    private string? CheckPath(string name, string? relativePath)
    {
        if (relativePath is null)
            return null;
        if (BundleRelativePath.Problem(relativePath) is not { } problem)
            return relativePath;
        problems.Add($"{FieldPath(name)} {problem}.");
        return null;
    }

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"\"{value.GetString()}\"",
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };
}
