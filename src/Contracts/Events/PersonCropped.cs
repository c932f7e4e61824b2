namespace VfeTps.Stream.Contracts;

/// <summary>A best shot of a tracked person, stored as a JPEG (PersonCrop → Embedder).</summary>
/// <param name="CropId">Deterministic id, see <see cref="CropIds"/>.</param>
/// <param name="CameraId">The camera.</param>
/// <param name="TrackId">Per-camera track id; unique across restarts (derived from the track's first capture time).</param>
/// <param name="ShotIndex">Which best shot of the track this is (0, 1, …; a few per track at most).</param>
/// <param name="CaptureTime">Camera-clock time of the frame the crop was cut from.</param>
/// <param name="Box">The person's box in that frame.</param>
/// <param name="Quality">Best-shot quality in [0, 1] (size, sharpness, detector score, aspect).</param>
/// <param name="CropKey">Blob key of the crop JPEG.</param>
/// <param name="FrameKey">Blob key of the whole frame's JPEG (for "show the frame with the box").</param>
public sealed record PersonCropped(
    string CropId,
    string CameraId,
    long TrackId,
    int ShotIndex,
    DateTimeOffset CaptureTime,
    BoundingBox Box,
    float Quality,
    string CropKey,
    string FrameKey);
