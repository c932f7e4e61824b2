using System.Diagnostics.Metrics;

namespace VfeTps.Stream.PersonCrop;

/// <summary>PersonCrop's instruments (meter "VfeTps.Stream.PersonCrop").</summary>
public sealed class PersonCropMetrics
{
    public const string MeterName = "VfeTps.Stream.PersonCrop";

    private readonly Histogram<double> _detectionMilliseconds;
    private readonly Counter<long> _cropsEmitted;
    private readonly Counter<long> _tracksStarted;
    private readonly Counter<long> _framesProcessed;
    private readonly Counter<long> _deadLetters;
    private readonly Counter<long> _framesDropped;
    private readonly Counter<long> _camerasReleased;

    public PersonCropMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _detectionMilliseconds = meter.CreateHistogram<double>("vfetps.personcrop.detection_duration", "ms", "Person detection time per frame, by detector.");
        _cropsEmitted = meter.CreateCounter<long>("vfetps.personcrop.crops_emitted", "{crop}", "Best-shot crops stored and published.");
        _tracksStarted = meter.CreateCounter<long>("vfetps.personcrop.tracks_started", "{track}", "Tracks confirmed.");
        _framesProcessed = meter.CreateCounter<long>("vfetps.personcrop.frames_processed", "{frame}", "Frames run through a detector.");
        _deadLetters = meter.CreateCounter<long>("vfetps.personcrop.dead_letters", "{event}", "Frames or crops dead-lettered.");
        _framesDropped = meter.CreateCounter<long>(
            "vfetps.personcrop.frames_dropped",
            "{frame}",
            "Frames not processed, by camera and reason: behind (a live camera's oldest queued frame pushed out) or camera_removed (captured before the camera's removal).");
        _camerasReleased = meter.CreateCounter<long>("vfetps.personcrop.cameras_released", "{camera}", "Cameras let go after sending no frame for the idle timeout.");
    }

    public void FrameDetected(string detector, double milliseconds)
    {
        var tag = new KeyValuePair<string, object?>("detector", detector);
        _detectionMilliseconds.Record(milliseconds, tag);
        _framesProcessed.Add(1, tag);
    }

    public void CropEmitted() => _cropsEmitted.Add(1);

    public void TracksStarted(int count)
    {
        if (count > 0)
            _tracksStarted.Add(count);
    }

    public void DeadLettered() => _deadLetters.Add(1);

    /// <summary>A live camera was behind: its oldest queued frames were dropped for newer ones.</summary>
    public void FramesDroppedBehind(string cameraId, int count) => FramesDropped(cameraId, "behind", count);

    /// <summary>A frame of a removed camera, captured before the removal, was ignored.</summary>
    public void FrameOfRemovedCamera(string cameraId) => FramesDropped(cameraId, "camera_removed", 1);

    public void CameraReleased() => _camerasReleased.Add(1);

    private void FramesDropped(string cameraId, string reason, int count) =>
        _framesDropped.Add(count, new KeyValuePair<string, object?>("camera", cameraId), new KeyValuePair<string, object?>("reason", reason));
}
