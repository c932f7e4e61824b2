using VfeTps.Stream.Contracts;
using VfeTps.Stream.PersonCrop.BestShots;
using VfeTps.Stream.PersonCrop.Detection;
using VfeTps.Stream.PersonCrop.Tracking;

namespace VfeTps.Stream.PersonCrop.Stage;

/// <summary>
/// One camera's state and logic without I/O: its detector, tracker and one best-shot policy per
/// track; turns a frame's detections into the shots to emit. Frames in capture order, one at a time.
/// </summary>
internal sealed class CameraPipeline(string cameraId, PersonCropOptions options) : IDisposable
{
    private const int RememberedFrames = 64;

    private readonly PersonTracker _tracker = new(options.Tracker);
    private readonly Dictionary<long, BestShotPolicy> _policies = [];

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
        using (var image = FrameMats.Wrap(frame.Frame))
        {
            foreach (var seen in update.Observed)
            {
                if (seen.JustConfirmed)
                    started++;
                var policy = PolicyOf(seen.TrackId);
                if (policy.IsComplete)
                    continue;
                var quality = ShotQualityScorer.Score(image, seen.Box, seen.Score, options.BestShots);
                if (policy.Observe(new ShotCandidate(frame.CaptureTime, seen.Box, quality.Total, frame.Frame), seen.Confirmed) is { } shot)
                    shots.Add(ToCrop(seen.TrackId, shot));
            }
        }

        Finish(update.Ended, shots);
        return (shots, started);
    }

    /// <summary>Ends every track (the stream is over) and returns their last shots.</summary>
    public IReadOnlyList<CropShot> EndAllTracks()
    {
        var shots = new List<CropShot>();
        Finish(_tracker.EndAll(), shots);
        return shots;
    }

    public void Dispose()
    {
        Detector?.Dispose();
        Detector = null;
    }

    private void Finish(IReadOnlyList<EndedTrack> ended, List<CropShot> shots)
    {
        foreach (var track in ended)
        {
            if (_policies.Remove(track.TrackId, out var policy) && track.WasConfirmed && policy.End() is { } shot)
                shots.Add(ToCrop(track.TrackId, shot));
        }
    }

    private BestShotPolicy PolicyOf(long trackId)
    {
        if (!_policies.TryGetValue(trackId, out var policy))
            _policies[trackId] = policy = new BestShotPolicy(options.BestShots);
        return policy;
    }

    private CropShot ToCrop(long trackId, ChosenShot shot) => new(
        CropIds.Create(CameraId, trackId, shot.ShotIndex),
        trackId,
        shot.ShotIndex,
        shot.Candidate.CaptureTime,
        shot.Candidate.Box,
        shot.Candidate.Quality,
        shot.Candidate.Frame);
}
