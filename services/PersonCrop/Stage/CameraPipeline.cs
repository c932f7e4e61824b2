using VfeTps.Stream.Contracts;
using VfeTps.Stream.PersonCrop.BestShots;
using VfeTps.Stream.PersonCrop.Detection;
using VfeTps.Stream.PersonCrop.Tracking;

namespace VfeTps.Stream.PersonCrop.Stage;

/// <summary>
/// One camera's state and logic without I/O: its detector, tracker and one best-shot policy per
/// track; turns a frame's detections into the shots to emit. Frames in capture order, one at a time.
/// A track's pending best shot keeps only a copy of its crop region and its frame as JPEG (see
/// <see cref="ShotFrame"/>), and nothing when it can no longer be emitted.
/// </summary>
internal sealed class CameraPipeline(string cameraId, PersonCropOptions options) : IDisposable
{
    private const int RememberedFrames = 64;

    private readonly PersonTracker _tracker = new(options.Tracker);
    private readonly Dictionary<long, TrackShots> _tracks = [];

    public string CameraId { get; } = cameraId;

    /// <summary>The detector kind the camera asked for (the detector in use may be a fallback).</summary>
    public string? RequestedDetector { get; private set; }

    public IPersonDetector? Detector { get; private set; }

    /// <summary>Capture time of the last frame accepted (frames must not go back in time).</summary>
    public DateTimeOffset? LastCaptureTime { get; set; }

    /// <summary>Frames in a row on which the detector threw.</summary>
    public int ConsecutiveDetectorFailures { get; set; }

    /// <summary>Frames already stored as JPEG.</summary>
    public RecentKeys StoredFrames { get; } = new(RememberedFrames);

    /// <summary>Tracks with a best-shot state (tentative ones included).</summary>
    public int TrackCount => _tracks.Count;

    /// <summary>Frames JPEG-encoded because a pending shot outlived them (the cost of not holding raw frames).</summary>
    public long FramesCompressed { get; private set; }

    /// <summary>Pixel bytes held for pending shots: crop copies plus each distinct frame they refer to.</summary>
    public long RetainedBytes
    {
        get
        {
            var images = _tracks.Values.Select(track => track.Image).OfType<ShotImage>().ToList();
            return images.Sum(image => image.CropBytes) + images.Select(image => image.Frame).Distinct().Sum(frame => frame.RetainedBytes);
        }
    }

    /// <summary>Switches detectors; tracks carry on (a new motion detector learns its background first).</summary>
    public void UseDetector(string requestedKind, IPersonDetector detector)
    {
        ArgumentNullException.ThrowIfNull(detector);
        Detector?.Dispose();
        Detector = detector;
        RequestedDetector = requestedKind;
    }

    /// <summary>Tracks the frame's detections and returns the shots the best-shot policies choose, and how many tracks were confirmed.</summary>
    public (IReadOnlyList<CropShot> Shots, int TracksStarted) Advance(FrameCaptured frame, IReadOnlyList<PersonDetection> detections)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var update = _tracker.Update(detections, frame.CaptureTime);
        var shots = new List<CropShot>();
        var started = 0;
        var current = new ShotFrame(frame.Frame);
        var keptFromThisFrame = false;
        using (var image = FrameMats.Wrap(frame.Frame))
        {
            foreach (var seen in update.Observed)
            {
                if (seen.JustConfirmed)
                    started++;
                var track = TrackOf(seen.TrackId);
                if (track.Policy.IsComplete)
                    continue;
                var quality = ShotQualityScorer.Score(image, seen.Box, seen.Score, options.BestShots);
                var candidate = new ShotCandidate(frame.CaptureTime, seen.Box, quality.Total);
                var kept = track.Image;
                var chosen = track.Policy.Observe(candidate, seen.Confirmed);
                ShotImage? captured = null;
                if (chosen is not null)
                {
                    var shotImage = ReferenceEquals(chosen.Candidate, candidate) ? captured = Capture(frame, seen.Box, current) : kept;
                    shots.Add(ToCrop(seen.TrackId, chosen, shotImage));
                }

                var pending = track.Policy.Pending;
                if (pending is null || !track.Policy.PendingCouldBeEmitted)
                    track.Image = null; // emitted, or can never be: nothing to keep
                else if (ReferenceEquals(pending, candidate))
                {
                    track.Image = captured ?? Capture(frame, seen.Box, current);
                    keptFromThisFrame = true;
                }
            }
        }

        Finish(update.Ended, shots);
        // The raw frame goes with the event; a shot still waiting on it keeps its JPEG (shared) instead.
        if (keptFromThisFrame && current.Compress(options.JpegQuality))
            FramesCompressed++;
        return (shots, started);
    }

    /// <summary>Ends every track (the stream is over, or the camera went quiet) and returns their last shots.</summary>
    public IReadOnlyList<CropShot> EndAllTracks()
    {
        var shots = new List<CropShot>();
        Finish(_tracker.EndAll(), shots);
        // A track the tracker never reported ended has nothing left to emit either.
        _tracks.Clear();
        return shots;
    }

    public void Dispose()
    {
        Detector?.Dispose();
        Detector = null;
        _tracks.Clear();
    }

    private void Finish(IReadOnlyList<EndedTrack> ended, List<CropShot> shots)
    {
        foreach (var track in ended)
        {
            if (_tracks.Remove(track.TrackId, out var state) && track.WasConfirmed && state.Policy.End() is { } shot)
                shots.Add(ToCrop(track.TrackId, shot, state.Image));
        }
    }

    private ShotImage Capture(FrameCaptured frame, BoundingBox box, ShotFrame shared) =>
        ShotImage.Capture(frame.Frame, box, options.CropMargin, shared);

    private TrackShots TrackOf(long trackId)
    {
        if (!_tracks.TryGetValue(trackId, out var track))
            _tracks[trackId] = track = new TrackShots(new BestShotPolicy(options.BestShots));
        return track;
    }

    private CropShot ToCrop(long trackId, ChosenShot shot, ShotImage? image) => new(
        CropIds.Create(CameraId, trackId, shot.ShotIndex),
        trackId,
        shot.ShotIndex,
        shot.Candidate.CaptureTime,
        shot.Candidate.Quality,
        // Pixels are kept for every candidate that could be emitted, so a chosen one always has them.
        image ?? throw new InvalidOperationException($"Shot {shot.ShotIndex} of track {trackId} was chosen but its pixels were not kept."));

    /// <summary>A track's best-shot policy and the pixels of its pending candidate (when it could still be emitted).</summary>
    private sealed class TrackShots(BestShotPolicy policy)
    {
        public BestShotPolicy Policy { get; } = policy;

        public ShotImage? Image { get; set; }
    }
}
