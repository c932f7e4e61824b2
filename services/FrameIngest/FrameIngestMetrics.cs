using System.Diagnostics.Metrics;

namespace VfeTps.Stream.FrameIngest;

/// <summary>FrameIngest's instruments (meter "VfeTps.Stream.FrameIngest"), each tagged with the camera id.</summary>
public sealed class FrameIngestMetrics
{
    public const string MeterName = "VfeTps.Stream.FrameIngest";

    private readonly Counter<long> _framesDecoded;
    private readonly Counter<long> _framesPublished;
    private readonly Counter<long> _framesDropped;
    private readonly Counter<long> _reconnects;

    public FrameIngestMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _framesDecoded = meter.CreateCounter<long>("vfetps.frame_ingest.frames_decoded", "{frame}", "Frames decoded from camera sources.");
        _framesPublished = meter.CreateCounter<long>("vfetps.frame_ingest.frames_published", "{frame}", "Sampled frames published as FrameCaptured.");
        _framesDropped = meter.CreateCounter<long>(
            "vfetps.frame_ingest.frames_dropped", "{frame}", "Sampled frames of live cameras dropped because the pipeline was full.");
        _reconnects = meter.CreateCounter<long>("vfetps.frame_ingest.reconnects", "{reconnect}", "Attempts to reconnect a failed or stalled camera.");
    }

    public void FrameDecoded(string cameraId) => _framesDecoded.Add(1, Camera(cameraId));

    public void FramePublished(string cameraId) => _framesPublished.Add(1, Camera(cameraId));

    public void FrameDropped(string cameraId) => _framesDropped.Add(1, Camera(cameraId));

    public void Reconnect(string cameraId) => _reconnects.Add(1, Camera(cameraId));

    private static KeyValuePair<string, object?> Camera(string cameraId) => new("camera", cameraId);
}
