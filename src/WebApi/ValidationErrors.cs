namespace VfeTps.Stream.WebApi;

/// <summary>Field-level messages collected while validating a request (the <c>errors</c> of a ValidationProblem).</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
            _errors[field] = messages = [];
        messages.Add(message);
    }

    public Dictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(entry => entry.Key, entry => entry.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>
    /// A user-supplied value quoted in a message: cut short and with control characters shown as
    /// <c>\uXXXX</c>, so that a hostile value can neither bloat the answer nor smuggle line breaks.
    /// </summary>
    public static string Quote(string? value)
    {
        if (value is null)
            return "null";
        var shown = value.Length <= 64 ? value : value[..64] + "…";
        if (shown.Any(char.IsControl))
            shown = string.Concat(shown.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
        return $"'{shown}'";
    }
}
