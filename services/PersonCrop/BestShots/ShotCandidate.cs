using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.PersonCrop.BestShots;

/// <summary>
/// A track's appearance in one frame, kept as a possible best shot. It holds no pixels: whoever
/// emits shots keeps them, and only for a candidate that <see cref="BestShotPolicy.PendingCouldBeEmitted"/>.
/// </summary>
public sealed record ShotCandidate(DateTimeOffset CaptureTime, BoundingBox Box, float Quality);
