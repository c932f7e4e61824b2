namespace VfeTps.Stream.PersonCrop.BestShots;

/// <summary>
/// Decides which of a track's appearances become crops; one instance per track. The policy, built
/// for "searchable within seconds" without one crop per frame:
/// <list type="number">
/// <item>Every appearance is a candidate; the best not-yet-emitted one is kept (tentative frames included).</item>
/// <item>When the track is confirmed, the best candidate so far is emitted at once (shot 0).</item>
/// <item>While the track lives, the best candidate is emitted as a further shot only when its quality
/// beats every emitted shot by at least <see cref="BestShotOptions.MinQualityGain"/> and at least
/// <see cref="BestShotOptions.MinShotInterval"/> (camera time) has passed since the last shot.</item>
/// <item>When the track ends, its best candidate is emitted if it beats every emitted shot by the same gain (no interval).</item>
/// <item>Never more than <see cref="BestShotOptions.MaxShotsPerTrack"/> shots; a track never confirmed emits nothing.</item>
/// </list>
/// So shots come in capture order with rising quality, and a slowly improving track gives few crops.
/// </summary>
public sealed class BestShotPolicy
{
    private readonly BestShotOptions _options;
    private ShotCandidate? _best;
    private float _bestEmittedQuality;
    private DateTimeOffset _lastEmittedAt;

    public BestShotPolicy(BestShotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Shots emitted so far.</summary>
    public int EmittedCount { get; private set; }

    /// <summary>No more shots will come from this track.</summary>
    public bool IsComplete => EmittedCount >= _options.MaxShotsPerTrack;

    /// <summary>The best candidate not emitted yet (the one a later shot would be), if any.</summary>
    public ShotCandidate? Pending => _best;

    /// <summary>
    /// Whether <see cref="Pending"/> can still become a shot: before the first shot any candidate can; after
    /// it, only one that beats every emitted shot by the gain (the pending candidate only ever gets better
    /// until a shot is emitted, so one that cannot now never will). Pixels need keeping only for such a candidate.
    /// </summary>
    public bool PendingCouldBeEmitted => _best is not null && !IsComplete && (EmittedCount == 0 || ClearlyBetter());

    /// <summary>Considers the track's appearance in a new frame; returns the shot to emit now, if any.</summary>
    public ChosenShot? Observe(ShotCandidate candidate, bool confirmed)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (IsComplete)
            return null;
        if (_best is null || candidate.Quality > _best.Quality)
            _best = candidate;
        if (!confirmed)
            return null;
        if (EmittedCount == 0)
            return Emit(candidate.CaptureTime);
        return ClearlyBetter() && candidate.CaptureTime - _lastEmittedAt >= _options.MinShotInterval ? Emit(candidate.CaptureTime) : null;
    }

    /// <summary>The track ended: its last shot, if one is still worth emitting.</summary>
    public ChosenShot? End() => EmittedCount > 0 && !IsComplete && ClearlyBetter() ? Emit(_lastEmittedAt) : null;

    private bool ClearlyBetter() => _best is not null && _best.Quality >= _bestEmittedQuality + _options.MinQualityGain;

    // The interval runs from the frame at which a shot was decided, which may be later than the shot's own frame.
    private ChosenShot Emit(DateTimeOffset decidedAt)
    {
        var shot = new ChosenShot(EmittedCount++, _best!);
        _bestEmittedQuality = Math.Max(_bestEmittedQuality, _best!.Quality);
        _lastEmittedAt = decidedAt;
        _best = null;
        return shot;
    }
}
