using Microsoft.Extensions.Logging;

namespace VfeTps.Stream.VectorIndex.Embedded;

/// <summary>The embedded index's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Vector collection {Collection} opened: {Points} points, dimension {Dimension}, {LogBytes} log bytes read in {ElapsedMs} ms")]
    public static partial void Opened(ILogger logger, string collection, long points, int dimension, long logBytes, long elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Vector collection {Collection} created (dimension {Dimension})")]
    public static partial void Created(ILogger logger, string collection, int dimension);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning,
        Message = "Vector collection {Collection}: the point log ends in {Problem} at byte {Offset} ({Length} bytes, likely a write cut by a crash); everything before it was kept, the rest was copied to {CopiedTo} and cut off")]
    public static partial void TailDiscarded(ILogger logger, string collection, string problem, long offset, long length, string copiedTo);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information,
        Message = "Vector collection {Collection} compacted: {Points} points, log {BytesBefore} -> {BytesAfter} bytes in {ElapsedMs} ms")]
    public static partial void Compacted(ILogger logger, string collection, long points, long bytesBefore, long bytesAfter, long elapsedMs);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information,
        Message = "Vector collection {Collection}: retention deleted {Points} points captured before {Cutoff}")]
    public static partial void Retained(ILogger logger, string collection, long points, DateTimeOffset cutoff);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Vector collection {Collection} closed")]
    public static partial void Closed(ILogger logger, string collection);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Vector collection {Collection} deleted")]
    public static partial void Deleted(ILogger logger, string collection);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning,
        Message = "Vector collection {Collection}: compaction failed ({Garbage} superseded records stay in the log); it is tried again later")]
    public static partial void CompactionFailed(ILogger logger, Exception exception, string collection, long garbage);
}
