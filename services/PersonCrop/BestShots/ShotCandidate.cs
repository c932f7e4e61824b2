using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.PersonCrop.BestShots;

/// <summary>A track's appearance in one frame, kept as a possible best shot (the frame is held by reference, not copied).</summary>
public sealed record ShotCandidate(DateTimeOffset CaptureTime, BoundingBox Box, float Quality, VideoFrame Frame);
