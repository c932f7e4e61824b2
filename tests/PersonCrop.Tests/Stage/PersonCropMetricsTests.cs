using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using VfeTps.Stream.PersonCrop.Tests.Support;

namespace VfeTps.Stream.PersonCrop.Tests.Stage;

public sealed class PersonCropMetricsTests
{
    [Fact]
    public async Task The_meter_reports_detection_time_per_detector_crops_emitted_and_tracks_started()
    {
        var token = TestContext.Current.CancellationToken;
        var scene = new SyntheticScene();
        var start = new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);
        await using var stage = await StageHost.StartAsync(cancellationToken: token);
        var meterFactory = stage.Services.GetRequiredService<IMeterFactory>();
        var detections = new List<(double Milliseconds, string? Detector)>();
        long crops = 0, tracks = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this host's meter: other tests run hosts of their own in parallel.
            if (instrument.Meter.Name == PersonCropMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meterFactory))
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            if (instrument.Name == "vfetps.personcrop.detection_duration")
            {
                lock (detections)
                    detections.Add((value, tags.ToArray().Single(tag => tag.Key == "detector").Value as string));
            }
        });
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "vfetps.personcrop.crops_emitted")
                Interlocked.Add(ref crops, value);
            else if (instrument.Name == "vfetps.personcrop.tracks_started")
                Interlocked.Add(ref tracks, value);
        });
        listener.Start();

        await stage.PublishAsync(scene.Walk("cam-a", 20, start), token);
        var published = await stage.FinishAsync(token);

        Assert.Equal(SyntheticScene.LeadIn + 20, detections.Count);
        Assert.All(detections, d => Assert.Equal("motion", d.Detector));
        Assert.All(detections, d => Assert.InRange(d.Milliseconds, 0, 5000));
        Assert.Equal(published.Count, Interlocked.Read(ref crops));
        Assert.Equal(1, Interlocked.Read(ref tracks));
    }
}
