using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace VfeTps.Stream.Access.Tests;

/// <summary>
/// Sums what one test server's access meter reports, by instrument (and <c>instrument:outcome</c> when tagged
/// with an outcome). Only that server's instruments are listened to (its own <see cref="IMeterFactory"/>).
/// </summary>
internal sealed class AccessMeasurements : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    public AccessMeasurements(AccessTestServer server)
    {
        var factory = server.Service<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == AccessMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var outcome = tags.ToArray().FirstOrDefault(tag => tag.Key == "outcome").Value;
            _counts.AddOrUpdate(outcome is null ? instrument.Name : $"{instrument.Name}:{outcome}", value, (_, total) => total + value);
        });
        _listener.Start();
    }

    public long this[string name] => _counts.GetValueOrDefault(name);

    public void Dispose() => _listener.Dispose();
}
