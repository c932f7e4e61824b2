using System.Text.Json;
using VfeTps.Stream.Audit.Storage;

namespace VfeTps.Stream.Audit.Export;

/// <summary>
/// JSON Lines: one <see cref="AuditEntry"/> object per line (camelCase, outcome by name, hash included),
/// LF line ends. Line breaks and other control characters inside values are escaped by JSON, so an entry
/// never spans two lines.
/// </summary>
internal sealed class AuditJsonLinesWriter : IAuditExportWriter
{
    public Task WriteHeaderAsync(TextWriter writer, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task WriteAsync(TextWriter writer, AuditEntry entry, CancellationToken cancellationToken) =>
        writer.WriteAsync((JsonSerializer.Serialize(entry, AuditDetailJson.Options) + "\n").AsMemory(), cancellationToken);
}
