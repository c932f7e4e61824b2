using System.Text.Json.Serialization;

namespace VfeTps.Stream.Watchlists;

/// <summary>The body of <c>POST /api/watchlists</c>. Unknown fields are refused (a typo must not silently watch every camera).</summary>
/// <param name="Name">A label, 1..<see cref="WatchlistOptions.MaxNameLength"/> characters: letters, digits, spaces and <c>- _ . , ' ( ) &amp; / # + :</c>.</param>
/// <param name="Text">The description to watch for, 1..<see cref="WatchlistOptions.MaxTextLength"/> characters.</param>
/// <param name="Threshold">The calibrated score a crop must reach (standard deviations above the description's mean score); <see cref="WatchlistOptions.DefaultThreshold"/> when absent.</param>
/// <param name="Cameras">The cameras to watch; absent or null for every camera the creator may see.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CreateWatchlistRequest(string? Name, string? Text, double? Threshold, IReadOnlyList<string>? Cameras);
