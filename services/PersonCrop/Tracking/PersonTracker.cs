using VfeTps.Stream.PersonCrop.Detection;

namespace VfeTps.Stream.PersonCrop.Tracking;

/// <summary>
/// SORT-style tracker for one camera: each track's box is moved by its constant-velocity estimate
/// to the frame's time, detections are associated greedily by IoU (best pair first, at least
/// <see cref="TrackerOptions.MinIou"/>), unmatched detections start tentative tracks, a track is
/// confirmed after <see cref="TrackerOptions.MinHits"/> hits and ends after
/// <see cref="TrackerOptions.MaxMissedFrames"/> consecutive misses. Frames must come in capture
/// order. Not thread-safe (one per camera).
/// </summary>
public sealed class PersonTracker
{
    private readonly TrackerOptions _options;
    private readonly List<TrackState> _tracks = [];
    private readonly TrackIdSequence _ids = new();

    public PersonTracker(TrackerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Tracks alive now, tentative ones included.</summary>
    public int ActiveTrackCount => _tracks.Count;

    public TrackerUpdate Update(IReadOnlyList<PersonDetection> detections, DateTimeOffset captureTime)
    {
        ArgumentNullException.ThrowIfNull(detections);
        var trackFor = Associate(detections, captureTime);
        var observed = new List<TrackObservation>();
        var ended = new List<EndedTrack>();
        var matchedTracks = new HashSet<TrackState>();

        for (var d = 0; d < detections.Count; d++)
        {
            if (trackFor[d] is not { } track)
                continue;
            track.Hit(detections[d].Box, captureTime, _options.VelocitySmoothing);
            matchedTracks.Add(track);
            observed.Add(Observe(track, detections[d]));
        }

        for (var t = _tracks.Count - 1; t >= 0; t--)
        {
            var track = _tracks[t];
            if (matchedTracks.Contains(track))
                continue;
            track.Miss();
            if (track.Misses >= _options.MaxMissedFrames)
            {
                _tracks.RemoveAt(t);
                ended.Add(new EndedTrack(track.Id, track.Confirmed));
            }
        }

        for (var d = 0; d < detections.Count; d++)
        {
            if (trackFor[d] is not null || _ids.Next(captureTime) is not { } id)
                continue;
            var track = new TrackState(id, detections[d].Box, captureTime);
            _tracks.Add(track);
            observed.Add(Observe(track, detections[d]));
        }

        ended.Reverse(); // oldest first, as the tracks were created
        return new TrackerUpdate(observed, ended);
    }

    /// <summary>Ends every track (the camera's stream is over); returns them.</summary>
    public IReadOnlyList<EndedTrack> EndAll()
    {
        var ended = _tracks.Select(track => new EndedTrack(track.Id, track.Confirmed)).ToList();
        _tracks.Clear();
        return ended;
    }

    private TrackObservation Observe(TrackState track, PersonDetection detection)
    {
        var justConfirmed = !track.Confirmed && track.Hits >= _options.MinHits;
        if (justConfirmed)
            track.Confirmed = true;
        return new TrackObservation(track.Id, detection.Box, detection.Score, track.Confirmed, justConfirmed);
    }

    // Greedy IoU association: every (track, detection) pair above the threshold, best first.
    private TrackState?[] Associate(IReadOnlyList<PersonDetection> detections, DateTimeOffset captureTime)
    {
        var pairs = new List<(double Iou, int Track, int Detection)>();
        for (var t = 0; t < _tracks.Count; t++)
        {
            var predicted = _tracks[t].Predict(captureTime);
            for (var d = 0; d < detections.Count; d++)
            {
                var iou = predicted.IntersectionOverUnion(detections[d].Box);
                if (iou >= _options.MinIou)
                    pairs.Add((iou, t, d));
            }
        }

        pairs.Sort(static (a, b) => b.Iou != a.Iou ? b.Iou.CompareTo(a.Iou) : a.Track != b.Track ? a.Track.CompareTo(b.Track) : a.Detection.CompareTo(b.Detection));
        var trackFor = new TrackState?[detections.Count];
        var usedTracks = new bool[_tracks.Count];
        foreach (var (_, t, d) in pairs)
        {
            if (usedTracks[t] || trackFor[d] is not null)
                continue;
            usedTracks[t] = true;
            trackFor[d] = _tracks[t];
        }

        return trackFor;
    }
}
