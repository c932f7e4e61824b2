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

    public PersonCropMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _detectionMilliseconds = meter.CreateHistogram<double>("vfetps.personcrop.detection_duration", "ms", "Person detection time per frame, by detector.");
        _cropsEmitted = meter.CreateCounter<long>("vfetps.personcrop.crops_emitted", "{crop}", "Best-shot crops stored and published.");
        _tracksStarted = meter.CreateCounter<long>("vfetps.personcrop.tracks_started", "{track}", "Tracks confirmed.");
        _framesProcessed = meter.CreateCounter<long>("vfetps.personcrop.frames_processed", "{frame}", "Frames run through a detector.");
        _deadLetters = meter.CreateCounter<long>("vfetps.personcrop.dead_letters", "{event}", "Frames or crops dead-lettered.");
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
}
