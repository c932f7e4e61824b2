using VfeTps.Stream.Inference;

namespace VfeTps.Stream.Watchlists;

/// <summary>Embeds watchlist descriptions with a leased model's text tower, one at a time so that one bad text cannot fail the others.</summary>
internal static class WatchlistTexts
{
    /// <summary>The unit text vector of each watchlist, or the error that kept it from being embedded.</summary>
    public static IReadOnlyList<(Watchlist Watchlist, float[]? Vector, Exception? Error)> Embed(ModelLease lease, IEnumerable<Watchlist> watchlists)
    {
        var result = new List<(Watchlist, float[]?, Exception?)>();
        foreach (var watchlist in watchlists)
        {
            try
            {
                var vector = VectorMath.Normalised(lease.TextEncoder.Embed(watchlist.Text))
                    ?? throw new InvalidOperationException("The text tower gave a zero or non-finite embedding.");
                result.Add((watchlist, vector, null));
            }
            catch (Exception error) when (error is ArgumentException or InvalidOperationException)
            {
                result.Add((watchlist, null, error));
            }
        }

        return result;
    }
}
