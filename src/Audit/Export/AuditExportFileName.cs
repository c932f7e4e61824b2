using System.Globalization;

namespace VfeTps.Stream.Audit.Export;

/// <summary>
/// The download's file name, holding the time range: <c>vfetps-audit-20260301T000000Z-20260302T000000Z.csv</c>;
/// an open start reads <c>start</c>, an open end is the moment of the export.
/// </summary>
internal static class AuditExportFileName
{
    public static string Of(DateTimeOffset? from, DateTimeOffset? to, DateTimeOffset now, AuditExportFormat format) =>
        $"vfetps-audit-{(from is { } start ? Stamp(start) : "start")}-{Stamp(to ?? now)}.{format.Extension}";

    private static string Stamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
