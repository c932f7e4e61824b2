namespace VfeTps.Stream.Watchlists;

/// <summary>A hit as the API and the alert stream show it.</summary>
/// <param name="Id">Increasing id (the alert stream's event id).</param>
/// <param name="WatchlistId">The watchlist that was hit.</param>
/// <param name="WatchlistName">Its name.</param>
/// <param name="CropId">The matching crop.</param>
/// <param name="CameraId">Its camera.</param>
/// <param name="TrackId">Its track (a watchlist is hit once per camera and track).</param>
/// <param name="Time">The crop's capture time.</param>
/// <param name="Score">Calibrated score: standard deviations above the watchlist's mean over recent crops.</param>
/// <param name="Similarity">Cosine similarity of the crop to the description.</param>
/// <param name="ThumbnailUrl">The crop's image.</param>
/// <param name="FrameUrl">The whole frame with the person boxed.</param>
/// <param name="RaisedAt">When the hit was raised.</param>
public sealed record HitResponse(
    long Id,
    string WatchlistId,
    string WatchlistName,
    string CropId,
    string CameraId,
    long TrackId,
    DateTimeOffset Time,
    double Score,
    double Similarity,
    string ThumbnailUrl,
    string FrameUrl,
    DateTimeOffset RaisedAt)
{
    internal static HitResponse Of(WatchlistHit hit, string pathBase)
    {
        var crop = Uri.EscapeDataString(hit.CropId);
        return new HitResponse(
            hit.Id, hit.WatchlistId, hit.WatchlistName, hit.CropId, hit.CameraId, hit.TrackId, hit.CaptureTime,
            Math.Round(hit.Score, 4), Math.Round(hit.Similarity, 6),
            $"{pathBase}/api/crops/{crop}/image", $"{pathBase}/api/crops/{crop}/frame", hit.RaisedAt);
    }
}
