namespace VfeTps.Stream.VectorIndex;

/// <summary>
/// One tracked person in a grouped search: the track's best-scoring crops (best first, at most the
/// query's per-track limit) and how many of its crops passed the filters.
/// </summary>
public sealed record TrackHit(string CameraId, long TrackId, IReadOnlyList<VectorHit> Crops, int MatchingCrops)
{
    public VectorHit Best => Crops[0];

    public float Score => Crops[0].Score;
}
