namespace VfeTps.Stream.Watchlists;

/// <summary>
/// The (watchlist, camera, track) triples that already hit, most recent <c>capacity</c> only, so that
/// later shots of a track cost no database round trip. The store's unique constraint stays the truth
/// (a forgotten triple is caught there). Used by the matcher's single loop: not thread-safe.
/// </summary>
internal sealed class TrackMemory(int capacity)
{
    private readonly HashSet<(string Watchlist, string Camera, long Track)> _known = [];
    private readonly Queue<(string Watchlist, string Camera, long Track)> _order = new();

    public bool Contains(string watchlistId, string cameraId, long trackId) => _known.Contains((watchlistId, cameraId, trackId));

    public void Add(string watchlistId, string cameraId, long trackId)
    {
        if (!_known.Add((watchlistId, cameraId, trackId)))
            return;
        _order.Enqueue((watchlistId, cameraId, trackId));
        if (_order.Count > capacity)
            _known.Remove(_order.Dequeue());
    }
}
