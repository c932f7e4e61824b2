namespace VfeTps.Stream.Search;

/// <summary>One crop that matched a query (a sighting of a grouped result).</summary>
/// <param name="CropId">The crop (<c>{camera}.{track}.{shot}</c>).</param>
/// <param name="Score">Cosine similarity to the query, higher is better.</param>
/// <param name="CameraId">The camera that saw the person.</param>
/// <param name="Time">When the frame was captured.</param>
/// <param name="TrackId">The tracked person within that camera.</param>
/// <param name="Box">Where the person is in the frame.</param>
/// <param name="ThumbnailUrl">The crop image (<c>/api/crops/{cropId}/image</c>).</param>
/// <param name="FrameUrl">The whole frame with the person's box drawn (<c>/api/crops/{cropId}/frame</c>).</param>
public sealed record CropMatch(
    string CropId,
    float Score,
    string CameraId,
    DateTimeOffset Time,
    long TrackId,
    CropBox Box,
    string ThumbnailUrl,
    string FrameUrl);
