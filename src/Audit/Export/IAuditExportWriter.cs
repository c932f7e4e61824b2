namespace VfeTps.Stream.Audit.Export;

/// <summary>Writes entries in one export format, one at a time (the export is streamed, never held whole).</summary>
internal interface IAuditExportWriter
{
    /// <summary>What comes before the first entry (a header row), if anything.</summary>
    Task WriteHeaderAsync(TextWriter writer, CancellationToken cancellationToken);

    Task WriteAsync(TextWriter writer, AuditEntry entry, CancellationToken cancellationToken);
}
