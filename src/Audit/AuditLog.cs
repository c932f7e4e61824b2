using Microsoft.Extensions.Logging;

namespace VfeTps.Stream.Audit;

/// <summary>The audit trail's log messages (event ids 6000–6099).</summary>
internal static partial class AuditLog
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Error, Message = "The audit trail could not record {Action} by {ActorId}; the action is refused")]
    public static partial void WriteFailed(ILogger logger, string action, string actorId, Exception error);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Error, Message = "The audit trail could not be read")]
    public static partial void ReadFailed(ILogger logger, Exception error);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Retention deleted {Count} audit entries written before {Cutoff}")]
    public static partial void RetentionDeleted(ILogger logger, int count, DateTimeOffset cutoff);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "The audit trail's hash chain is broken at entry {Sequence} ({Entries} entries checked)")]
    public static partial void ChainBroken(ILogger logger, long sequence, long entries);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Information, Message = "{ActorId} exports the audit trail from {From} to {To} as {Format}")]
    public static partial void ExportStarted(ILogger logger, string actorId, DateTimeOffset? from, DateTimeOffset? to, string format);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Warning, Message = "The audit export of {ActorId} stopped after {Entries} entries")]
    public static partial void ExportStopped(ILogger logger, string actorId, long entries, Exception error);

}
