namespace VfeTps.Stream.Search;

/// <summary>A tracked person: track ids are per camera.</summary>
internal readonly record struct TrackKey(string CameraId, long TrackId);
