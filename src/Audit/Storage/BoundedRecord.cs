using System.Globalization;
using System.Text;
using VfeTps.Stream.Contracts.Audit;

namespace VfeTps.Stream.Audit.Storage;

/// <summary>
/// An <see cref="AuditRecord"/> cut to the trail's bounds before it is stored and hashed: names to
/// <see cref="MaxNameCharacters"/>, the target and detail values to <see cref="AuditOptions.MaxValueCharacters"/>
/// (with a marker saying how long the value was), at most <see cref="AuditOptions.MaxDetailEntries"/> detail
/// entries (the others counted under <see cref="OmittedEntriesKey"/>). Lone surrogates become U+FFFD, so that
/// what is hashed is exactly what SQLite stores as UTF-8. Control characters are kept: they are data.
/// </summary>
internal sealed record BoundedRecord(
    string Action,
    string ActorId,
    string ActorName,
    string? Target,
    IReadOnlyDictionary<string, string?> Detail,
    AuditOutcome Outcome,
    string? ClientAddress)
{
    /// <summary>Longest action, actor id, actor name, client address or detail key kept.</summary>
    public const int MaxNameCharacters = 200;

    /// <summary>The detail key that counts the entries dropped beyond the bound.</summary>
    public const string OmittedEntriesKey = "(omitted entries)";

    /// <summary>Throws <see cref="ArgumentException"/> for a record no caller should make (no action, no actor, unknown outcome).</summary>
    public static BoundedRecord From(AuditRecord record, AuditOptions options)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (string.IsNullOrWhiteSpace(record.Action))
            throw new ArgumentException("An audit record needs an action.", nameof(record));
        if (string.IsNullOrWhiteSpace(record.ActorId) || string.IsNullOrWhiteSpace(record.ActorName))
            throw new ArgumentException("An audit record needs an actor id and name.", nameof(record));
        if (!Enum.IsDefined(record.Outcome))
            throw new ArgumentException($"Unknown audit outcome {(int)record.Outcome}.", nameof(record));

        var detail = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        var source = record.Detail ?? new Dictionary<string, string?>();
        foreach (var (key, value) in source.OrderBy(pair => pair.Key, StringComparer.Ordinal).Take(options.MaxDetailEntries))
        {
            // Two keys cut to the same prefix keep the first; the count below still says something was dropped.
            detail.TryAdd(Cut(key, MaxNameCharacters), Cut(value, options.MaxValueCharacters));
        }

        var omitted = source.Count - detail.Count;
        if (omitted > 0)
            detail[OmittedEntriesKey] = omitted.ToString(CultureInfo.InvariantCulture);

        return new BoundedRecord(
            Cut(record.Action, MaxNameCharacters),
            Cut(record.ActorId, MaxNameCharacters),
            Cut(record.ActorName, MaxNameCharacters),
            Cut(record.Target, options.MaxValueCharacters),
            detail,
            record.Outcome,
            Cut(record.ClientAddress, MaxNameCharacters));
    }

    /// <summary>The text as stored: valid UTF-16 (lone surrogates replaced), at most <paramref name="max"/> characters plus a marker.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static string? Cut(string? text, int max)
    {
        if (text is null)
            return null;
        var valid = WellFormed(text);
        if (valid.Length <= max)
            return valid;

        // Never cut between the two halves of a surrogate pair: half a character is not valid text.
        var length = char.IsHighSurrogate(valid[max - 1]) ? max - 1 : max;
        return string.Create(CultureInfo.InvariantCulture, $"{valid.AsSpan(0, length)}…[truncated from {valid.Length} characters]");
    }

    private static string WellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogate(text[i]))
            {
                // Rare: only then pay for a rebuild (UTF-8 replaces lone surrogates with U+FFFD the same way).
                return Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));
            }
        }

        return text;
    }
}
