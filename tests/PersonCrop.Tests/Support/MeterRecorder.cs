using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace VfeTps.Stream.PersonCrop.Tests.Support;

/// <summary>Sums the long counters of one host's PersonCrop meter, by instrument and "camera" / "reason" tags.</summary>
internal sealed class MeterRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Instrument, string? Camera, string? Reason), long> _sums = new();

    public MeterRecorder(IServiceProvider services)
    {
        var meterFactory = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // Only this host's meter: other tests run hosts of their own in parallel.
            if (instrument.Meter.Name == PersonCropMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meterFactory))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? camera = null, reason = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "camera")
                    camera = tag.Value as string;
                else if (tag.Key == "reason")
                    reason = tag.Value as string;
            }

            _sums.AddOrUpdate((instrument.Name, camera, reason), value, (_, sum) => sum + value);
        });
        _listener.Start();
    }

    /// <summary>The counter's total for the tags given (null: any value).</summary>
    public long Sum(string instrument, string? camera = null, string? reason = null) =>
        _sums.Where(entry => entry.Key.Instrument == instrument && (camera is null || entry.Key.Camera == camera) && (reason is null || entry.Key.Reason == reason))
            .Sum(entry => entry.Value);

    public void Dispose() => _listener.Dispose();
}
