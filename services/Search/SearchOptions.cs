using VfeTps.Stream.VectorIndex;

namespace VfeTps.Stream.Search;

/// <summary>
/// Limits of the search API (bound from the <c>Search</c> configuration section and validated at
/// start-up by <see cref="SearchOptionsValidator"/>). They keep a silly or hostile query cheap: every
/// request beyond them is answered 400 (or 413) before any model or index work is done.
/// </summary>
public sealed class SearchOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Search";

    /// <summary>
    /// The longest query text in Unicode characters (code points), after trimming. 1000 by default;
    /// the serving text tower's own limit applies too when it is lower.
    /// </summary>
    public int MaxQueryCharacters { get; set; } = 1000;

    /// <summary>The largest <c>k</c> (results, or tracks when grouping) a query may ask for; 200 by default.</summary>
    public int MaxResults { get; set; } = 200;

    /// <summary>
    /// The longest time window (<c>to − from</c>) a query may give; 366 days by default. A query with
    /// only one end (or none) is open and always allowed: what it can reach is bounded by retention,
    /// and an exact scan costs the same for any window.
    /// </summary>
    public TimeSpan MaxTimeRange { get; set; } = TimeSpan.FromDays(366);

    /// <summary>The largest JSON body accepted, in bytes; larger bodies are answered 413 unread. 256 KiB by default.</summary>
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Quality (1–100) of the frame JPEG re-encoded with the person's box drawn on it; 90 by default.</summary>
    public int FrameJpegQuality { get; set; } = 90;

    /// <summary>Every invalid setting, described; empty when the options are valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaxQueryCharacters < 1)
            problems.Add($"{nameof(MaxQueryCharacters)} must be positive (got {MaxQueryCharacters}).");
        if (MaxResults is < 1 or > VectorQuery.MaxLimit)
            problems.Add($"{nameof(MaxResults)} must be between 1 and {VectorQuery.MaxLimit}, the vector index's limit (got {MaxResults}).");
        if (MaxResults < SearchLimits.DefaultK)
            problems.Add($"{nameof(MaxResults)} must be at least {SearchLimits.DefaultK}, the default k (got {MaxResults}).");
        if (MaxTimeRange <= TimeSpan.Zero)
            problems.Add($"{nameof(MaxTimeRange)} must be positive (got {MaxTimeRange}).");
        if (MaxRequestBodyBytes < 1024)
            problems.Add($"{nameof(MaxRequestBodyBytes)} must be at least 1024 (got {MaxRequestBodyBytes}).");
        if (FrameJpegQuality is < 1 or > 100)
            problems.Add($"{nameof(FrameJpegQuality)} must be between 1 and 100 (got {FrameJpegQuality}).");
        return problems;
    }
}
