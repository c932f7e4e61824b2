namespace VfeTps.Stream.SiteBench.ControlRoom;

/// <summary>What the control-room benchmark measured (serialisable to JSON as it is).</summary>
/// <param name="DiskSync">A bare fsync on the audit trail's disk, for scale: an append costs at least one.</param>
/// <param name="AuditAppends">Appends to the audit trail, per number of concurrent writers.</param>
/// <param name="ThumbnailPage">A page of thumbnails: its audited views, all at once.</param>
/// <param name="WatchlistMatching">Crops matched per dimension and number of watchlists.</param>
/// <param name="WatchlistCalibration">Creating one watchlist against a full window, per dimension.</param>
/// <param name="PasswordHashing">One sign-in's password check.</param>
public sealed record ControlRoomBenchmarkResult(
    DiskSyncMeasurement DiskSync,
    IReadOnlyList<AuditAppendMeasurement> AuditAppends,
    ThumbnailPageMeasurement ThumbnailPage,
    IReadOnlyList<WatchlistMatchingMeasurement> WatchlistMatching,
    IReadOnlyList<WatchlistCalibrationMeasurement> WatchlistCalibration,
    PasswordHashingMeasurement PasswordHashing);

/// <summary>4 KiB written and flushed to disk (fsync) in the audit trail's folder.</summary>
/// <param name="Syncs">Timed flushes.</param>
/// <param name="P50Ms">Median time of one flush.</param>
/// <param name="P95Ms">95th percentile.</param>
public sealed record DiskSyncMeasurement(int Syncs, double P50Ms, double P95Ms);

/// <summary>Durable appends to the audit trail (SQLite, synchronous=FULL) by concurrent writers.</summary>
/// <param name="Writers">Writers appending at once (each waits for its append before the next).</param>
/// <param name="Records">Timed appends, all writers together.</param>
/// <param name="AppendsPerSecond">Timed appends over the wall time they took.</param>
/// <param name="P50Ms">Median time from the call to the durable append (queueing behind other writers included).</param>
/// <param name="P95Ms">95th percentile of that time.</param>
/// <param name="MaxMs">The slowest append.</param>
public sealed record AuditAppendMeasurement(int Writers, int Records, double AppendsPerSecond, double P50Ms, double P95Ms, double MaxMs);

/// <summary>A page of thumbnails as the browser asks for it: one audited crop view per thumbnail, all at once.</summary>
/// <param name="Thumbnails">Audited views per page.</param>
/// <param name="Pages">Timed pages.</param>
/// <param name="P50Ms">Median time until every view of the page was recorded.</param>
/// <param name="P95Ms">95th percentile of that time.</param>
public sealed record ThumbnailPageMeasurement(int Thumbnails, int Pages, double P50Ms, double P95Ms);

/// <summary>The watchlist matcher on one thread, calibration window full.</summary>
/// <param name="Dimension">Embedding size.</param>
/// <param name="Watchlists">Active watchlists (every camera watched).</param>
/// <param name="WindowCrops">Crops in the calibration window.</param>
/// <param name="Crops">Timed crops.</param>
/// <param name="CropsPerSecond">Crops matched per second.</param>
/// <param name="MeanMicroseconds">Mean time per crop.</param>
/// <param name="P95Microseconds">95th percentile per crop (a crop that ends a lap of the window re-sums every watchlist's scores).</param>
/// <param name="Candidates">Crops that reached a watchlist's threshold (3 standard deviations) in the timed run.</param>
public sealed record WatchlistMatchingMeasurement(
    int Dimension, int Watchlists, int WindowCrops, long Crops, double CropsPerSecond, double MeanMicroseconds, double P95Microseconds, long Candidates);

/// <summary>Creating (calibrating) one watchlist: its text vector scored against every crop of a full window.</summary>
/// <param name="Dimension">Embedding size.</param>
/// <param name="WindowCrops">Crops in the window.</param>
/// <param name="Times">Timed creations.</param>
/// <param name="P50Ms">Median time.</param>
/// <param name="P95Ms">95th percentile.</param>
public sealed record WatchlistCalibrationMeasurement(int Dimension, int WindowCrops, int Times, double P50Ms, double P95Ms);

/// <summary>The password check of one sign-in (PBKDF2-HMAC-SHA512, as the access library stores passwords).</summary>
/// <param name="Iterations">PBKDF2 iterations.</param>
/// <param name="SaltBytes">Salt length.</param>
/// <param name="HashBytes">Derived hash length.</param>
/// <param name="Checks">Timed checks on one thread.</param>
/// <param name="P50Ms">Median time of one check.</param>
/// <param name="MeanMs">Mean time of one check.</param>
/// <param name="Threads">Checks run at once for the throughput (one per core, as the site allows by default).</param>
/// <param name="SignInsPerSecond">Checks completed per second with every core hashing.</param>
public sealed record PasswordHashingMeasurement(
    int Iterations, int SaltBytes, int HashBytes, int Checks, double P50Ms, double MeanMs, int Threads, double SignInsPerSecond);
