using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using VfeTps.Stream.Audit.Export;
using VfeTps.Stream.Contracts.Access;
using VfeTps.Stream.Contracts.Audit;
using VfeTps.Stream.WebApi;

namespace VfeTps.Stream.Audit.Api;

/// <summary>
/// <c>GET /api/audit/export?from=&amp;to=&amp;format=csv|jsonl</c>: the entries of a time range, oldest first,
/// as a file download. The export is itself recorded (<see cref="AuditActions.AuditExported"/>, with the
/// range and format) before a byte is sent; when that record cannot be written nothing is exported (503).
/// The file is streamed from the database as it is read. Should the database fail part-way, the connection
/// is aborted, so the client sees a failed download rather than a file that looks complete.
/// </summary>
internal static class AuditExportEndpoint
{
    public static void Map(RouteGroupBuilder audit)
    {
        audit.MapGet("/export", ExportAsync)
            .WithName("ExportAuditTrail")
            .WithSummary("Download the audit entries of a time range as CSV or JSON Lines")
            .WithDescription(
                "Oldest first. from/to: ISO 8601 (from inclusive, to exclusive; both optional); format: csv (default) or jsonl. "
                + "CSV cells that begin with = + - @ tab or CR are prefixed with ' so spreadsheets do not run them. The export is audited.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status200OK, contentType: "application/x-ndjson")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<Results<PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> ExportAsync(
        HttpContext http,
        [FromQuery] string? from,
        [FromQuery] string? to,
        [FromQuery] string? format,
        [FromServices] SqliteAuditTrail trail,
        [FromServices] RequestAudit audit,
        [FromServices] TimeProvider clock,
        [FromServices] ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var (start, end) = AuditQueryParameters.Range(from, to, errors);
        var exportFormat = AuditQueryParameters.Format(format, errors);
        if (errors.Any || exportFormat is null)
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The audit export is not valid.");

        var logger = loggers.CreateLogger(typeof(AuditExportEndpoint).FullName!);
        var detail = new Dictionary<string, string?>
        {
            ["from"] = start?.ToString("O", CultureInfo.InvariantCulture),
            ["to"] = end?.ToString("O", CultureInfo.InvariantCulture),
            ["format"] = exportFormat.Name,
        };
        // Recorded before a byte goes out; refused when it cannot be (fail closed).
        if (await audit.RecordAsync(http, AuditActions.AuditExported, null, detail).ConfigureAwait(false) is { } unaudited)
            return unaudited;

        var actorId = http.User.ActorId();
        AuditLog.ExportStarted(logger, actorId, start, end, exportFormat.Name);
        var fileName = AuditExportFileName.Of(start, end, clock.GetUtcNow(), exportFormat);
        return TypedResults.Stream(
            body => WriteAsync(body, http, trail, start, end, exportFormat, logger, actorId),
            exportFormat.ContentType,
            fileName);
    }

    private static async Task WriteAsync(
        System.IO.Stream body,
        HttpContext http,
        SqliteAuditTrail trail,
        DateTimeOffset? from,
        DateTimeOffset? to,
        AuditExportFormat format,
        ILogger logger,
        string actorId)
    {
        var cancellationToken = http.RequestAborted;
        long written = 0;
        try
        {
            // A 64 KiB buffer: the response goes out in chunks as rows are read, never as one whole file.
            var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024, leaveOpen: true);
            await using (writer.ConfigureAwait(false))
            {
                await format.Writer.WriteHeaderAsync(writer, cancellationToken).ConfigureAwait(false);
                await foreach (var entry in trail.ReadAsync(from, to, cancellationToken).ConfigureAwait(false))
                {
                    await format.Writer.WriteAsync(writer, entry, cancellationToken).ConfigureAwait(false);
                    written++;
                }

                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (AuditTrailUnavailableException error)
        {
            AuditLog.ExportStopped(logger, actorId, written, error);
            http.Abort();
        }
        catch (Exception error) when (error is OperationCanceledException or IOException && cancellationToken.IsCancellationRequested)
        {
            // The client went away; there is no one left to tell.
        }
    }
}
