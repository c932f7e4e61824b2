using VfeTps.Stream.VectorIndex;

namespace VfeTps.Stream.Watchlists;

/// <summary>
/// Settings of the watchlists (bound from the <c>Watchlists</c> configuration section and validated
/// at start-up by <see cref="WatchlistOptionsValidator"/>): how scores are calibrated, and the limits
/// that keep a silly or hostile client cheap.
/// </summary>
public sealed class WatchlistOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Watchlists";

    /// <summary>The lowest threshold a watchlist may have (standard deviations above its mean score).</summary>
    public const double MinThreshold = 0.5;

    /// <summary>The highest threshold a watchlist may have.</summary>
    public const double MaxThreshold = 10.0;

    /// <summary>
    /// The recent crops each watchlist's scores are calibrated on (a ring: the newest crop pushes out
    /// the oldest); 2048 by default.
    /// </summary>
    public int CalibrationWindow { get; set; } = 2048;

    /// <summary>Crops the window must hold before a watchlist raises hits (below it the mean and spread are too noisy); 200 by default.</summary>
    public int MinCalibrationCrops { get; set; } = 200;

    /// <summary>
    /// Floor of the standard deviation a calibrated score divides by, so that a window of near-identical
    /// crops does not turn a tiny difference into a huge score; 0.005 (cosine units) by default.
    /// </summary>
    public double MinStandardDeviation { get; set; } = 0.005;

    /// <summary>The threshold of a watchlist created without one; 3.0 by default.</summary>
    public double DefaultThreshold { get; set; } = 3.0;

    /// <summary>The most watchlists the site keeps; 200 by default.</summary>
    public int MaxWatchlists { get; set; } = 200;

    /// <summary>The longest watchlist name, in Unicode characters; 100 by default.</summary>
    public int MaxNameLength { get; set; } = 100;

    /// <summary>The longest description, in Unicode characters (the text tower's own limit applies too); 500 by default.</summary>
    public int MaxTextLength { get; set; } = 500;

    /// <summary>The most cameras one watchlist may name; 256 by default.</summary>
    public int MaxCamerasPerWatchlist { get; set; } = 256;

    /// <summary>The largest JSON body accepted, in bytes; larger bodies are answered 413 unread. 16 KiB by default.</summary>
    public int MaxRequestBodyBytes { get; set; } = 16 * 1024;

    /// <summary>New-crop notifications waiting for the matcher; when full the oldest is dropped (never waiting). 4096 by default.</summary>
    public int FeedCapacity { get; set; } = 4096;

    /// <summary>Hits kept in the database (the oldest go beyond it); 100 000 by default.</summary>
    public int HitsKept { get; set; } = 100_000;

    /// <summary>The most hits one page of <c>GET /api/watchlists/hits</c> returns; 1000 by default (100 when the request gives no limit).</summary>
    public int MaxHitsPerPage { get; set; } = 1000;

    /// <summary>(watchlist, camera, track) triples remembered in memory to skip later shots of a track that already hit; 65 536 by default.</summary>
    public int TracksRemembered { get; set; } = 65_536;

    /// <summary>Live hits waiting for one alert-stream client; beyond it that client's live events are dropped (and replayed from the database). 256 by default.</summary>
    public int SubscriberBuffer { get; set; } = 256;

    /// <summary>The most alert-stream clients at once; 100 by default.</summary>
    public int MaxSubscribers { get; set; } = 100;

    /// <summary>
    /// The most alert-stream clients of one actor (a user or an API key) at once, so that one principal
    /// cannot take every slot of <see cref="MaxSubscribers"/>; the next one is answered 429. 5 by default
    /// (a few browser tabs).
    /// </summary>
    public int MaxSubscribersPerActor { get; set; } = 5;

    /// <summary>
    /// How often the alert stream sends a <c>: ping</c> comment (keeps proxies from closing an idle stream)
    /// and re-authenticates its caller (a signed-out, disabled or revoked caller's stream ends; changed
    /// cameras apply from then on); 15 s by default.
    /// </summary>
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Every invalid setting, described; empty when the options are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MinCalibrationCrops < 2)
            problems.Add($"{nameof(MinCalibrationCrops)} must be at least 2 (got {MinCalibrationCrops}).");
        if (CalibrationWindow < MinCalibrationCrops || CalibrationWindow > VectorIndexArguments.MaxLatestCount)
            problems.Add($"{nameof(CalibrationWindow)} must be between {nameof(MinCalibrationCrops)} ({MinCalibrationCrops}) and {VectorIndexArguments.MaxLatestCount} (got {CalibrationWindow}).");
        if (!(MinStandardDeviation is > 0 and <= 1))
            problems.Add($"{nameof(MinStandardDeviation)} must be within (0, 1] (got {MinStandardDeviation}).");
        if (!(DefaultThreshold is >= MinThreshold and <= MaxThreshold))
            problems.Add($"{nameof(DefaultThreshold)} must be between {MinThreshold} and {MaxThreshold} (got {DefaultThreshold}).");
        CheckRange(problems, nameof(MaxWatchlists), MaxWatchlists, 1, 10_000);
        CheckRange(problems, nameof(MaxNameLength), MaxNameLength, 1, 1000);
        CheckRange(problems, nameof(MaxTextLength), MaxTextLength, 1, 10_000);
        CheckRange(problems, nameof(MaxCamerasPerWatchlist), MaxCamerasPerWatchlist, 1, 10_000);
        CheckRange(problems, nameof(MaxRequestBodyBytes), MaxRequestBodyBytes, 1024, 1 << 20);
        CheckRange(problems, nameof(FeedCapacity), FeedCapacity, 1, 1 << 20);
        CheckRange(problems, nameof(HitsKept), HitsKept, 1, 100_000_000);
        CheckRange(problems, nameof(MaxHitsPerPage), MaxHitsPerPage, 1, 100_000);
        CheckRange(problems, nameof(TracksRemembered), TracksRemembered, 1, 10_000_000);
        CheckRange(problems, nameof(SubscriberBuffer), SubscriberBuffer, 1, 1 << 20);
        CheckRange(problems, nameof(MaxSubscribers), MaxSubscribers, 1, 100_000);
        CheckRange(problems, nameof(MaxSubscribersPerActor), MaxSubscribersPerActor, 1, 100_000);
        if (PingInterval < TimeSpan.FromMilliseconds(100) || PingInterval > TimeSpan.FromHours(1))
            problems.Add($"{nameof(PingInterval)} must be between 100 ms and 1 hour (got {PingInterval}).");
        return problems;
    }

    private static void CheckRange(List<string> problems, string name, int value, int min, int max)
    {
        if (value < min || value > max)
            problems.Add($"{name} must be between {min} and {max} (got {value}).");
    }
}
