namespace VfeTps.Stream.Watchlists;

/// <summary>A crop that matched a watchlist, as stored (one per watchlist, camera and track).</summary>
/// <param name="Id">Increasing hit id: the alert stream's event id.</param>
/// <param name="WatchlistId">The watchlist that was hit.</param>
/// <param name="WatchlistName">Its name (when the hit was read or raised).</param>
/// <param name="CropId">The matching crop.</param>
/// <param name="CameraId">Its camera.</param>
/// <param name="TrackId">Its track.</param>
/// <param name="CaptureTime">When the crop was captured.</param>
/// <param name="Score">The calibrated score: standard deviations above the watchlist's mean score over recent crops.</param>
/// <param name="Similarity">The raw cosine similarity of the crop to the description.</param>
/// <param name="RaisedAt">When the matcher raised it.</param>
internal sealed record WatchlistHit(
    long Id,
    string WatchlistId,
    string WatchlistName,
    string CropId,
    string CameraId,
    long TrackId,
    DateTimeOffset CaptureTime,
    double Score,
    double Similarity,
    DateTimeOffset RaisedAt);
