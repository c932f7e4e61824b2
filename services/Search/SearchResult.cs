using System.Text.Json.Serialization;

namespace VfeTps.Stream.Search;

/// <summary>
/// One ranked result: a crop, or, when grouping by track, a tracked person shown by its best crop with
/// its other matching crops in <see cref="Sightings"/>.
/// </summary>
/// <param name="CropId">The (best) crop (<c>{camera}.{track}.{shot}</c>).</param>
/// <param name="Score">Cosine similarity to the query, higher is better.</param>
/// <param name="CameraId">The camera that saw the person.</param>
/// <param name="Time">When the crop's frame was captured.</param>
/// <param name="TrackId">The tracked person within that camera.</param>
/// <param name="Box">Where the person is in the frame.</param>
/// <param name="ThumbnailUrl">The crop image.</param>
/// <param name="FrameUrl">The whole frame with the person's box drawn.</param>
public sealed record SearchResult(
    string CropId,
    float Score,
    string CameraId,
    DateTimeOffset Time,
    long TrackId,
    CropBox Box,
    string ThumbnailUrl,
    string FrameUrl)
{
    /// <summary>When grouping: the track's other matching crops, best first (at most <c>cropsPerTrack − 1</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<CropMatch>? Sightings { get; init; }

    /// <summary>When grouping: how many of the track's crops passed the filters.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MatchingCrops { get; init; }
}
