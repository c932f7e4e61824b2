using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.Inference;
using VfeTps.Stream.VectorIndex;

namespace VfeTps.Stream.Watchlists;

/// <summary>
/// The matcher: at start it embeds every stored watchlist with the serving model and seeds the
/// calibration window with the index's most recent crops; then it scores every crop of the
/// <see cref="WatchlistCropFeed"/> against the watchlists, stores each new hit (once per watchlist,
/// camera and track) and hands it to the <see cref="AlertBroadcaster"/>. Bad input never stops it:
/// a malformed notification is skipped (logged, counted) and an error while matching one crop is
/// logged and the next crop is matched. When crops start coming from a new serving model, the
/// watchlists are re-embedded with it and the window restarts (vectors of two models do not compare).
/// </summary>
internal sealed class WatchlistMatchingService(
    WatchlistCropFeed feed,
    WatchlistMatcher matcher,
    WatchlistStore store,
    AlertBroadcaster broadcaster,
    ServingModel model,
    IServiceScopeFactory scopes,
    IOptions<WatchlistOptions> options,
    WatchlistMetrics metrics,
    TimeProvider time,
    ILogger<WatchlistMatchingService> logger) : BackgroundService
{
    private readonly TrackMemory _tracks = new(options.Value.TracksRemembered);
    private readonly Dictionary<string, long> _otherModelSkips = new(StringComparer.Ordinal);

    /// <summary>Loads and embeds the stored watchlists before the API serves (so that it sees them with their calibration).</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        using (var lease = model.Acquire())
        {
            matcher.Reset(lease.ModelVersion, lease.TextEncoder.EmbeddingSize);
            foreach (var (watchlist, vector, error) in WatchlistTexts.Embed(lease, store.List()))
            {
                if (error is not null)
                    logger.TextNotEmbedded(watchlist.Id, watchlist.Name, lease.ModelVersion, error);
                Apply(watchlist, vector, lease.ModelVersion);
            }
        }

        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var seeded = await SeedAsync(stoppingToken).ConfigureAwait(false);
        logger.Started(store.Count(), matcher.ModelVersion ?? "?", seeded);
        try
        {
            await foreach (var embedded in feed.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    Process(embedded);
                }
                catch (Exception error)
                {
                    metrics.Skipped(SkipReasons.Error);
                    logger.MatchFailed(CropCheck.Describe(embedded), error);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Fills the window with the index's most recent crops (when the index holds the watchlists' model); returns how many.</summary>
    private async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var index = scope.ServiceProvider.GetRequiredService<IVectorIndex>();
            if (index.Name != matcher.ModelVersion || index.Dimension != matcher.Dimension)
            {
                logger.SeedFailed($"the index holds the vectors of {index.Name} ({index.Dimension} dimensions), not of {matcher.ModelVersion}", null);
                return 0;
            }

            var latest = await index.LatestAsync(options.Value.CalibrationWindow, cancellationToken).ConfigureAwait(false);
            var crops = new List<(string, float[])>(latest.Count);
            for (var i = latest.Count - 1; i >= 0; i--)
            {
                if (VectorMath.Normalised(latest[i].Vector) is { } unit)
                    crops.Add((latest[i].CropId, unit));
            }

            matcher.Seed(crops);
            return crops.Count;
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Unseeded, the window fills from live crops: the watchlists get ready a little later.
            logger.SeedFailed(error.Message, error);
            return 0;
        }
    }

    private void Process(CropEmbedded embedded)
    {
        if (CropCheck.Problem(embedded) is { } problem)
        {
            Skip(embedded, problem.Reason, problem.Detail);
            return;
        }

        if (!string.Equals(embedded.ModelVersion, matcher.ModelVersion, StringComparison.Ordinal) && !TryFollowModel(embedded.ModelVersion))
            return;
        if (matcher.AnyStale)
            ReembedStale();

        if (embedded.Vector.Length != matcher.Dimension)
        {
            Skip(embedded, SkipReasons.Vector, $"its vector has {embedded.Vector.Length} dimensions, the model {matcher.Dimension}");
            return;
        }

        if (VectorMath.Normalised(embedded.Vector) is not { } unit)
        {
            Skip(embedded, SkipReasons.Vector, "its vector is zero or not finite");
            return;
        }

        var crop = embedded.Crop;
        foreach (var candidate in matcher.Match(crop.CropId, crop.CameraId, unit))
            Raise(crop, candidate);
        metrics.Matched(); // counted once its hits are stored and published
    }

    private void Raise(PersonCropped crop, WatchlistCandidate candidate)
    {
        var watchlist = candidate.Watchlist;
        if (_tracks.Contains(watchlist.Id, crop.CameraId, crop.TrackId))
            return;

        WatchlistHit? hit;
        try
        {
            hit = store.TryAddHit(new WatchlistHit(
                0, watchlist.Id, watchlist.Name, crop.CropId, crop.CameraId, crop.TrackId, crop.CaptureTime,
                candidate.Score, candidate.Similarity, time.GetUtcNow()));
        }
        catch (Exception error) when (error is Microsoft.Data.Sqlite.SqliteException or IOException or InvalidOperationException)
        {
            // A full disk or a locked database loses this hit, not the matcher.
            logger.HitNotStored(watchlist.Id, crop.CropId, error);
            return;
        }

        _tracks.Add(watchlist.Id, crop.CameraId, crop.TrackId);
        if (hit is null)
            return; // the track hit before (the store knows), or the watchlist was deleted meanwhile
        metrics.HitRaised(watchlist.Id);
        logger.HitRaised(watchlist.Id, watchlist.Name, crop.CropId, crop.CameraId, crop.TrackId, hit.Score, hit.Similarity);
        broadcaster.Publish(hit);
    }

    /// <summary>
    /// Crops now come from <paramref name="cropModelVersion"/>: when that is the serving model, the
    /// window restarts for it (the watchlists are re-embedded next); otherwise the crop is skipped.
    /// </summary>
    private bool TryFollowModel(string cropModelVersion)
    {
        var serving = model.ModelVersion;
        if (string.Equals(serving, cropModelVersion, StringComparison.Ordinal))
        {
            using var lease = model.Acquire();
            if (string.Equals(lease.ModelVersion, cropModelVersion, StringComparison.Ordinal))
            {
                var previous = matcher.ModelVersion;
                matcher.Reset(lease.ModelVersion, lease.TextEncoder.EmbeddingSize);
                logger.ModelChanged(lease.ModelVersion, previous, matcher.Stale().Count);
                return true;
            }
        }

        metrics.Skipped(SkipReasons.ModelVersion);
        var skipped = _otherModelSkips.TryGetValue(cropModelVersion, out var count) ? count + 1 : 1;
        if (_otherModelSkips.Count < 100 || _otherModelSkips.ContainsKey(cropModelVersion))
            _otherModelSkips[cropModelVersion] = skipped;

        // Once per version, then every 1000th: one line per crop would flood the log.
        if (skipped == 1 || skipped % 1000 == 0)
            logger.OtherModelSkipped(LogText.Safe(cropModelVersion), matcher.ModelVersion, serving, skipped);
        return false;
    }

    /// <summary>Embeds the watchlists whose vector is of another model with the serving one (it is the window's model here).</summary>
    private void ReembedStale()
    {
        using var lease = model.Acquire();
        if (!string.Equals(lease.ModelVersion, matcher.ModelVersion, StringComparison.Ordinal))
            return;
        foreach (var (watchlist, vector, error) in WatchlistTexts.Embed(lease, matcher.Stale()))
        {
            if (error is not null)
                logger.TextNotEmbedded(watchlist.Id, watchlist.Name, lease.ModelVersion, error);
            if (!matcher.Contains(watchlist.Id))
                continue; // deleted meanwhile
            Apply(watchlist, vector, lease.ModelVersion);
        }
    }

    private void Apply(Watchlist watchlist, float[]? vector, string modelVersion)
    {
        if (vector is not null && watchlist.ModelVersion != modelVersion)
        {
            watchlist = watchlist with { ModelVersion = modelVersion };
            store.SetModelVersion(watchlist.Id, modelVersion);
        }

        matcher.Upsert(watchlist, vector, modelVersion);
    }

    private void Skip(CropEmbedded? embedded, string reason, string detail)
    {
        metrics.Skipped(reason);
        logger.CropSkipped(CropCheck.Describe(embedded), detail);
    }
}
