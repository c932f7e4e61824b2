using VfeTps.Stream.Access;
using VfeTps.Stream.Watchlists;

namespace VfeTps.Stream.SiteBench.ControlRoom;

/// <summary>Settings of the control-room benchmark (audit appends, watchlist matching, password hashing).</summary>
public sealed record ControlRoomBenchmarkOptions
{
    /// <summary>Timed audit appends per writer count (split between the writers), after untimed warm-up appends.</summary>
    public int AuditRecords { get; init; } = 2_000;

    /// <summary>Concurrent writers appending to the trail: 1, and a burst of requests at once.</summary>
    public IReadOnlyList<int> AuditWriters { get; init; } = [1, 8];

    /// <summary>Thumbnails on one page of results (each an audited <c>crop.image</c> view, all requested at once).</summary>
    public int ThumbnailsPerPage { get; init; } = 20;

    /// <summary>Timed pages of thumbnails.</summary>
    public int Pages { get; init; } = 50;

    /// <summary>Embedding sizes: 128 for the default model, 512 for the paper's CLIP ViT-B/16.</summary>
    public IReadOnlyList<int> Dimensions { get; init; } = [128, 512];

    /// <summary>Active watchlists matched against every crop (the site keeps 200 at most by default).</summary>
    public IReadOnlyList<int> WatchlistCounts { get; init; } = [1, 10, 50, 200];

    /// <summary>The calibration window (the matcher's default, 2048 crops), full before anything is timed.</summary>
    public int CalibrationWindow { get; init; } = new WatchlistOptions().CalibrationWindow;

    /// <summary>Least untimed warm-up per watchlist measurement, so that the JIT's optimised code is what gets timed.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Least time spent matching per configuration (whole laps of the window, at least <see cref="MinMatchLaps"/>).</summary>
    public TimeSpan MinMatchTime { get; init; } = TimeSpan.FromSeconds(1);

    public int MinMatchLaps { get; init; } = 4;

    /// <summary>Timed creations of one watchlist against a full window, per dimension.</summary>
    public int Calibrations { get; init; } = 200;

    /// <summary>PBKDF2 iterations of a password hash: the access library's default.</summary>
    public int PasswordIterations { get; init; } = new AccessOptions().PasswordIterations;

    /// <summary>Timed password checks on one thread (and, per core, on all of them at once).</summary>
    public int PasswordChecks { get; init; } = 20;

    public int Seed { get; init; } = 42;

    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(AuditRecords, 1, nameof(AuditRecords));
        if (AuditWriters is not { Count: > 0 } || AuditWriters.Any(w => w < 1 || w > AuditRecords))
        {
            throw new ArgumentException("Give at least one writer count, each between 1 and the number of audit records.", nameof(AuditWriters));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(ThumbnailsPerPage, 1, nameof(ThumbnailsPerPage));
        ArgumentOutOfRangeException.ThrowIfLessThan(Pages, 1, nameof(Pages));
        if (Dimensions is not { Count: > 0 } || Dimensions.Any(static d => d < 2))
        {
            throw new ArgumentException("Give at least one dimension, each at least 2.", nameof(Dimensions));
        }

        if (WatchlistCounts is not { Count: > 0 } || WatchlistCounts.Any(static c => c < 1))
        {
            throw new ArgumentException("Give at least one watchlist count, each at least 1.", nameof(WatchlistCounts));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(CalibrationWindow, 1, nameof(CalibrationWindow));
        ArgumentOutOfRangeException.ThrowIfLessThan(WarmUp, TimeSpan.Zero, nameof(WarmUp));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinMatchTime, TimeSpan.Zero, nameof(MinMatchTime));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinMatchLaps, 1, nameof(MinMatchLaps));
        ArgumentOutOfRangeException.ThrowIfLessThan(Calibrations, 1, nameof(Calibrations));
        ArgumentOutOfRangeException.ThrowIfLessThan(PasswordIterations, 1, nameof(PasswordIterations));
        ArgumentOutOfRangeException.ThrowIfLessThan(PasswordChecks, 1, nameof(PasswordChecks));
    }
}
