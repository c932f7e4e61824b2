using System.Diagnostics.Metrics;

namespace VfeTps.Stream.Audit.Tests;

/// <summary>Sums one counter of the audit meter of one service provider (the meter factory's own instruments only).</summary>
internal sealed class CounterForTests : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<(long Value, KeyValuePair<string, object?>[] Tags)> _measurements = [];

    public CounterForTests(IServiceProvider services, string instrument)
    {
        var factory = (IMeterFactory)services.GetService(typeof(IMeterFactory))!;
        _listener.InstrumentPublished = (published, listener) =>
        {
            if (published.Meter.Name == AuditMetrics.MeterName && published.Meter.Scope == factory && published.Name == instrument)
                listener.EnableMeasurementEvents(published);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            lock (_measurements)
                _measurements.Add((value, tags.ToArray()));
        });
        _listener.Start();
    }

    public long Total(string tag, string value)
    {
        lock (_measurements)
            return _measurements.Where(m => m.Tags.Any(t => t.Key == tag && Equals(t.Value, value))).Sum(m => m.Value);
    }

    public void Dispose() => _listener.Dispose();
}
