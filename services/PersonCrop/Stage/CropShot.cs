namespace VfeTps.Stream.PersonCrop.Stage;

/// <summary>A best shot to store and publish: its deterministic crop id, where it was seen, and its pixels.</summary>
internal sealed record CropShot(string CropId, long TrackId, int ShotIndex, DateTimeOffset CaptureTime, float Quality, ShotImage Image);
