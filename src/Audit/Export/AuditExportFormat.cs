namespace VfeTps.Stream.Audit.Export;

/// <summary>An export format of <c>GET /api/audit/export</c>: its query name, content type, file extension and writer.</summary>
internal sealed record AuditExportFormat(string Name, string ContentType, string Extension, IAuditExportWriter Writer)
{
    public static readonly AuditExportFormat Csv = new("csv", "text/csv; charset=utf-8", "csv", new AuditCsvWriter());

    public static readonly AuditExportFormat JsonLines = new("jsonl", "application/x-ndjson; charset=utf-8", "jsonl", new AuditJsonLinesWriter());

    public static IReadOnlyList<AuditExportFormat> All { get; } = [Csv, JsonLines];
}
