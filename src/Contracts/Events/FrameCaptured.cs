namespace VfeTps.Stream.Contracts;

/// <summary>A sampled frame of one camera (FrameIngest → PersonCrop).</summary>
/// <param name="CameraId">The camera it came from.</param>
/// <param name="Sequence">Per-camera sequence number of the sampled frame, from 0 at each start of the camera worker.</param>
/// <param name="CaptureTime">Camera-clock time of the frame (stream timestamp mapped onto wall-clock time at connection).</param>
/// <param name="Frame">The pixels.</param>
/// <param name="Live">
/// From a live (or paced) source: a stage that is behind drops such frames rather than wait, since
/// waiting would only make the camera fall further behind and hold up other cameras. Frames of an
/// unpaced file are never dropped: the stage waits and the file's reading slows down (backpressure).
/// </param>
public sealed record FrameCaptured(string CameraId, long Sequence, DateTimeOffset CaptureTime, VideoFrame Frame, bool Live = false);
