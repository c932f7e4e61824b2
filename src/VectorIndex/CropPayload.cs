using VfeTps.Stream.Contracts;

namespace VfeTps.Stream.VectorIndex;

/// <summary>What the index stores beside a crop's vector (and filters on: camera and time).</summary>
public sealed record CropPayload(
    string CameraId,
    long TrackId,
    int ShotIndex,
    DateTimeOffset CaptureTime,
    BoundingBox Box,
    float Quality,
    string CropKey,
    string FrameKey,
    string ModelVersion);
