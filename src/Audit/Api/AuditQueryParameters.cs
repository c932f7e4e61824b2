using System.Globalization;
using VfeTps.Stream.Audit.Export;
using VfeTps.Stream.WebApi;

namespace VfeTps.Stream.Audit.Api;

/// <summary>
/// Reads the query string of the audit routes, collecting a message per bad field (400 ValidationProblem):
/// ISO 8601 times, <c>from</c> not after <c>to</c>, a positive <c>before</c>, <c>limit</c> in 1–1000, bounded
/// <c>actor</c> and <c>action</c> filters without control characters, a known export <c>format</c>.
/// An empty parameter counts as absent.
/// </summary>
internal static class AuditQueryParameters
{
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd",
    ];

    public static AuditFilter? Filter(
        string? from, string? to, string? actor, string? action, string? before, string? limit, AuditOptions options, ValidationErrors errors)
    {
        var range = Range(from, to, errors);
        var actorFilter = Text("actor", actor, options.MaxFilterCharacters, errors);
        var actionFilter = Text("action", action, options.MaxFilterCharacters, errors);

        // An empty parameter counts as absent.
        var beforeSequence = QueryNumbers.Read(string.IsNullOrEmpty(before) ? null : before, "before", 1, long.MaxValue, errors);
        var pageSize = (int?)QueryNumbers.Read(string.IsNullOrEmpty(limit) ? null : limit, "limit", 1, AuditFilter.MaxLimit, errors) ?? AuditFilter.DefaultLimit;

        return errors.Any ? null : new AuditFilter(range.From, range.To, actorFilter, actionFilter, beforeSequence, pageSize);
    }

    public static (DateTimeOffset? From, DateTimeOffset? To) Range(string? from, string? to, ValidationErrors errors)
    {
        var start = Time("from", from, errors);
        var end = Time("to", to, errors);
        if (start is { } s && end is { } e && s > e)
            errors.Add("to", "The end of the time range (to) must not be before its start (from).");
        return (start, end);
    }

    public static AuditExportFormat? Format(string? format, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(format))
            return AuditExportFormat.Csv;
        var known = AuditExportFormat.All.FirstOrDefault(candidate => string.Equals(candidate.Name, format, StringComparison.OrdinalIgnoreCase));
        if (known is null)
            errors.Add("format", $"{ValidationErrors.Quote(format)} is not an export format: use {string.Join(" or ", AuditExportFormat.All.Select(f => f.Name))}.");
        return known;
    }

    private static DateTimeOffset? Time(string field, string? text, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(text))
            return null;

        // An unencoded '+' of an offset ("+01:00") arrives as a space; no accepted form has a space otherwise.
        var candidate = text.Replace(' ', '+');
        if (DateTimeOffset.TryParseExact(candidate, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            return time;
        errors.Add(field, $"{ValidationErrors.Quote(text)} is not an ISO 8601 time (e.g. 2026-03-01T08:00:00Z).");
        return null;
    }

    private static string? Text(string field, string? text, int maxCharacters, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(text))
            return null;
        if (text.Length > maxCharacters)
        {
            errors.Add(field, $"The {field} filter is longer than {maxCharacters} characters.");
            return null;
        }

        if (text.Any(char.IsControl))
        {
            errors.Add(field, $"The {field} filter must not contain control characters.");
            return null;
        }

        return text;
    }
}
