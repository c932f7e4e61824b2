using Microsoft.Extensions.Logging;

namespace VfeTps.Stream.Watchlists;

/// <summary>The watchlists' log messages.</summary>
internal static partial class WatchlistLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "The watchlist feed is full: {Dropped} new-crop notifications dropped in the last {Seconds:0} s ({Total} since start); the matcher is behind")]
    public static partial void FeedDropped(this ILogger logger, long dropped, double seconds, long total);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Crop {CropId} skipped by the watchlists: {Reason}")]
    public static partial void CropSkipped(this ILogger logger, string cropId, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Matching crop {CropId} against the watchlists failed; going on with the next crop")]
    public static partial void MatchFailed(this ILogger logger, string cropId, Exception error);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information,
        Message = "Watchlist {WatchlistId} ({WatchlistName}) hit: crop {CropId} of camera {CameraId}, track {TrackId}, score {Score:0.00} (cosine {Similarity:0.000})")]
    public static partial void HitRaised(this ILogger logger, string watchlistId, string watchlistName, string cropId, string cameraId, long trackId, double score, double similarity);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information,
        Message = "Watchlists ready: {Watchlists} watchlists embedded with model {ModelVersion}; calibration window seeded with {Seeded} recent crops")]
    public static partial void Started(this ILogger logger, int watchlists, string modelVersion, int seeded);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "The calibration window could not be seeded from the vector index: {Reason}")]
    public static partial void SeedFailed(this ILogger logger, string reason, Exception? error);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning,
        Message = "Watchlist {WatchlistId} ({WatchlistName}) cannot be embedded by model {ModelVersion}; it raises nothing until it is re-created")]
    public static partial void TextNotEmbedded(this ILogger logger, string watchlistId, string watchlistName, string modelVersion, Exception error);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information,
        Message = "Crops now come from model {ModelVersion} (was {PreviousVersion}): {Watchlists} watchlists re-embedded, calibration window restarted")]
    public static partial void ModelChanged(this ILogger logger, string modelVersion, string? previousVersion, int watchlists);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning,
        Message = "Crops of model {CropModelVersion} skipped: the watchlists are embedded with {ModelVersion} and the serving model is {ServingVersion} ({Skipped} skipped so far)")]
    public static partial void OtherModelSkipped(this ILogger logger, string cropModelVersion, string? modelVersion, string servingVersion, long skipped);


    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Watchlist {WatchlistId} ({WatchlistName}) created by {Actor}: threshold {Threshold}, cameras {Cameras}")]
    public static partial void Created(this ILogger logger, string watchlistId, string watchlistName, string actor, double threshold, string cameras);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "Watchlist {WatchlistId} ({WatchlistName}) deleted by {Actor}")]
    public static partial void Deleted(this ILogger logger, string watchlistId, string watchlistName, string actor);

    [LoggerMessage(EventId = 13, Level = LogLevel.Debug, Message = "Alert stream client {Subscriber} missed {Dropped} live hits; they are sent again from the database")]
    public static partial void SubscriberLagging(this ILogger logger, long subscriber, long dropped);

    [LoggerMessage(EventId = 14, Level = LogLevel.Error, Message = "Storing the hit of watchlist {WatchlistId} on crop {CropId} failed")]
    public static partial void HitNotStored(this ILogger logger, string watchlistId, string cropId, Exception error);

    [LoggerMessage(EventId = 15, Level = LogLevel.Information, Message = "Alert stream client {Subscriber} of {Actor} ended: {Reason}")]
    public static partial void StreamAccessEnded(this ILogger logger, long subscriber, string actor, string reason);

    [LoggerMessage(EventId = 16, Level = LogLevel.Information, Message = "Alert stream client {Subscriber} of {Actor} now gets the hits of cameras {Cameras}")]
    public static partial void StreamScopeChanged(this ILogger logger, long subscriber, string actor, string cameras);

    [LoggerMessage(EventId = 17, Level = LogLevel.Warning,
        Message = "Re-authenticating alert stream client {Subscriber} of {Actor} failed; the stream ends (the client reconnects and resumes after its last event)")]
    public static partial void StreamAccessCheckFailed(this ILogger logger, long subscriber, string actor, Exception error);
}
