using VfeTps.Stream.Contracts.Access;

namespace VfeTps.Stream.Watchlists;

/// <summary>A standing description, as stored: matched against every new crop of its cameras.</summary>
/// <param name="Id">Its id (<see cref="WatchlistIds"/>).</param>
/// <param name="Name">The operator's label for it.</param>
/// <param name="Text">The description embedded with the text tower.</param>
/// <param name="Threshold">The calibrated score (standard deviations above its mean) a crop must reach to hit.</param>
/// <param name="Cameras">The cameras it watches, or null for every camera.</param>
/// <param name="CreatedById">The creator's actor id (<c>user:…</c> or <c>key:…</c>).</param>
/// <param name="CreatedBy">The creator's display name.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="ModelVersion">The model whose text tower embedded it (updated when it is re-embedded for a new model).</param>
internal sealed record Watchlist(
    string Id,
    string Name,
    string Text,
    double Threshold,
    IReadOnlyList<string>? Cameras,
    string CreatedById,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string ModelVersion)
{
    public bool Watches(string cameraId) => Cameras is null || Cameras.Contains(cameraId, StringComparer.Ordinal);

    /// <summary>Whether every camera it watches is in <paramref name="scope"/> (a watchlist of every camera is within the unrestricted scope only).</summary>
    public bool IsWithin(CameraScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.IsEverything || (Cameras is not null && Cameras.All(scope.Allows));
    }
}
