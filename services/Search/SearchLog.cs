using Microsoft.Extensions.Logging;

namespace VfeTps.Stream.Search;

/// <summary>The search API's log messages.</summary>
internal static partial class SearchLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug,
        Message = "{Kind} search answered with {Results} results in {ElapsedMs:0.0} ms (model {ModelVersion})")]
    public static partial void SearchAnswered(this ILogger logger, string kind, int results, double elapsedMs, string modelVersion);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "Search refused: the serving model is {ModelVersion} but the vector index holds {IndexName} ({IndexDimension} dimensions); the index is being rebuilt")]
    public static partial void ModelIndexMismatch(this ILogger logger, string modelVersion, string indexName, int indexDimension);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "{Kind} search refused: invalid request ({Fields})")]
    public static partial void RequestInvalid(this ILogger logger, string kind, string fields);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "The stored frame {FrameKey} of crop {CropId} could not be decoded: {Reason}")]
    public static partial void FrameUndecodable(this ILogger logger, string frameKey, string cropId, string reason);
}
