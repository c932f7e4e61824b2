using System.Globalization;
using System.Text;
using System.Text.Json;
using VfeTps.Stream.Audit.Storage;

namespace VfeTps.Stream.Audit.Export;

/// <summary>
/// CSV as RFC 4180 has it: a header row, CRLF line ends, a cell quoted (quotes doubled) when it holds a
/// comma, a quote, a line break or another control character. A cell that begins with <c>= + - @</c>, a tab
/// or a carriage return gets a leading <c>'</c>, so a spreadsheet shows it as text instead of running it
/// as a formula (OWASP "CSV injection"). The detail is one cell of JSON; a null and an empty text both
/// export as an empty cell (JSON Lines keeps them apart). Times are UTC ISO 8601 with milliseconds.
/// </summary>
internal sealed class AuditCsvWriter : IAuditExportWriter
{
    public const string Header = "sequence,time,action,actorId,actorName,target,outcome,clientAddress,detail,hash";

    public Task WriteHeaderAsync(TextWriter writer, CancellationToken cancellationToken) =>
        writer.WriteAsync((Header + "\r\n").AsMemory(), cancellationToken);

    public Task WriteAsync(TextWriter writer, AuditEntry entry, CancellationToken cancellationToken)
    {
        var line = new StringBuilder(256);
        line.Append(entry.Sequence.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(entry.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)).Append(',');
        AppendCell(line, entry.Action).Append(',');
        AppendCell(line, entry.ActorId).Append(',');
        AppendCell(line, entry.ActorName).Append(',');
        AppendCell(line, entry.Target).Append(',');
        AppendCell(line, entry.Outcome.ToString()).Append(',');
        AppendCell(line, entry.ClientAddress).Append(',');
        AppendCell(line, JsonSerializer.Serialize(entry.Detail, AuditDetailJson.Options)).Append(',');
        AppendCell(line, entry.Hash).Append("\r\n");
        return writer.WriteAsync(line, cancellationToken);
    }

    /// <summary>One cell: defused, then quoted when it needs to be.</summary>
    public static StringBuilder AppendCell(StringBuilder line, string? value)
    {
        if (string.IsNullOrEmpty(value))
            return line;
        var text = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        if (!text.Any(c => c is ',' or '"' || char.IsControl(c)))
            return line.Append(text);
        return line.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
