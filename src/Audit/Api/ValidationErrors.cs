namespace VfeTps.Stream.Audit.Api;

/// <summary>Field-level messages collected while validating a request (the <c>errors</c> of a ValidationProblem).</summary>
internal sealed class ValidationErrors
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

    /// <summary>A user-supplied value quoted in a message: cut short, so that a hostile value cannot bloat the answer.</summary>
    public static string Quote(string? value) =>
        value is null ? "null" : value.Length <= 64 ? $"'{value}'" : $"'{value[..64]}…'";
}
