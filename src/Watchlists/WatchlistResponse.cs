namespace VfeTps.Stream.Watchlists;

/// <summary>
/// A watchlist as the API shows it to one caller: its definition, its calibration now, and its hits on
/// the caller's cameras. Cameras the caller may not see are never named: only their number is given.
/// </summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Text">The description it watches for.</param>
/// <param name="Threshold">The calibrated score a crop must reach.</param>
/// <param name="Cameras">The cameras it watches that the caller may see; null when it watches every camera.</param>
/// <param name="HiddenCameras">How many more cameras it watches that the caller may not see (their ids are not shown); 0 for most callers.</param>
/// <param name="CreatedBy">The creator's display name.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="ModelVersion">The model whose text tower embedded the description.</param>
/// <param name="Calibration">Its score distribution over recent crops.</param>
/// <param name="Hits">Hits on cameras the caller may see.</param>
/// <param name="LastHitAt">When the latest of those was raised.</param>
public sealed record WatchlistResponse(
    string Id,
    string Name,
    string Text,
    double Threshold,
    IReadOnlyList<string>? Cameras,
    int HiddenCameras,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string ModelVersion,
    CalibrationResponse Calibration,
    long Hits,
    DateTimeOffset? LastHitAt);

/// <summary>
/// The description's score distribution over the recent crops the threshold is measured on.
/// </summary>
/// <param name="Crops">Recent crops it is computed over.</param>
/// <param name="Mean">Mean cosine similarity of the description to them.</param>
/// <param name="StandardDeviation">Their standard deviation.</param>
/// <param name="Ready">Whether enough crops are in to raise hits (until then the watchlist raises nothing).</param>
public sealed record CalibrationResponse(int Crops, double Mean, double StandardDeviation, bool Ready);
