namespace VfeTps.Stream.Watchlists;

/// <summary>Lets the site's retention remove watchlist hits whose crops it removes (a hit without its crop shows nothing).</summary>
public sealed class WatchlistRetention
{
    private readonly WatchlistStore _store;

    internal WatchlistRetention(WatchlistStore store) => _store = store;

    /// <summary>Deletes the hits of crops captured before <paramref name="cutoff"/>; returns how many.</summary>
    public int DeleteHitsCapturedBefore(DateTimeOffset cutoff) => _store.DeleteHitsCapturedBefore(cutoff);
}
