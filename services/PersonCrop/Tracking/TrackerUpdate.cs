namespace VfeTps.Stream.PersonCrop.Tracking;

/// <summary>What one frame did to a camera's tracks.</summary>
public sealed record TrackerUpdate(IReadOnlyList<TrackObservation> Observed, IReadOnlyList<EndedTrack> Ended);
