namespace VfeTps.Stream.VectorIndex;

/// <summary>
/// A nearest-neighbour query by cosine similarity (vectors are L2-normalised, so the dot product).
/// The filters are applied inside the search: the result holds the best <see cref="Limit"/> points
/// among those that pass, never fewer because others were filtered out afterwards.
/// </summary>
/// <param name="Vector">The query embedding (same dimension as the index).</param>
/// <param name="Limit">How many hits (or, when grouping, how many tracks).</param>
/// <param name="Cameras">Only these cameras; null or empty = all.</param>
/// <param name="From">Only crops captured at or after this time.</param>
/// <param name="To">Only crops captured before this time.</param>
public sealed record VectorQuery(
    ReadOnlyMemory<float> Vector,
    int Limit,
    IReadOnlyCollection<string>? Cameras = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null)
{
    public const int MaxLimit = 1000;
}
