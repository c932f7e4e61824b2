namespace VfeTps.Stream.PersonCrop.Tracking;

/// <summary>A track that ended (too many missed frames, or the camera's state was flushed).</summary>
public readonly record struct EndedTrack(long TrackId, bool WasConfirmed);
