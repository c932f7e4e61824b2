using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.PersonCrop.Stage;

/// <summary>A best shot to store and publish: its deterministic crop id and where it was seen.</summary>
internal sealed record CropShot(string CropId, long TrackId, int ShotIndex, DateTimeOffset CaptureTime, BoundingBox Box, float Quality, VideoFrame Frame);
