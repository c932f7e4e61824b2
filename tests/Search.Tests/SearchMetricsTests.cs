using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace VfeTps.Stream.Search.Tests;

public sealed class SearchMetricsTests(SearchFixture data)
{
    [Fact]
    public async Task Searches_are_counted_timed_and_their_results_measured()
    {
        await using var server = await SearchServer.StartAsync(data);
        var factory = server.App.Services.GetRequiredService<IMeterFactory>();
        var measurements = new ConcurrentQueue<(string Instrument, double Value, string Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, meterListener) =>
        {
            // Only this server's meter: other tests run servers at the same time.
            if (instrument.Meter.Name == SearchMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                meterListener.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, Describe(tags))));
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, Describe(tags))));
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => measurements.Enqueue((instrument.Name, value, Describe(tags))));
        listener.Start();

        await (await server.PostAsync("/api/search", new { text = "red coat", k = 4, groupByTrack = false })).ReadSearchAsync();
        await server.PostAsync("/api/search", new { text = "" });
        await (await server.PostAsync("/api/search/similar", new { cropId = "lobby.1.0", k = 2 })).ReadSearchAsync();
        await server.PostAsync("/api/search/similar", new { cropId = "lobby.77.0" });

        Assert.Contains(("vfetps.search.queries", 1.0, "kind=text,outcome=ok"), measurements);
        Assert.Contains(("vfetps.search.queries", 1.0, "kind=text,outcome=invalid"), measurements);
        Assert.Contains(("vfetps.search.queries", 1.0, "kind=similar,outcome=ok"), measurements);
        Assert.Contains(("vfetps.search.queries", 1.0, "kind=similar,outcome=not_found"), measurements);
        Assert.Contains(("vfetps.search.results", 4.0, "kind=text"), measurements);
        Assert.Contains(("vfetps.search.results", 2.0, "kind=similar"), measurements);
        Assert.Equal(2, measurements.Count(m => m.Instrument == "vfetps.search.duration" && m.Value > 0 && m.Value < 60));
    }

    private static string Describe(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var parts = new List<string>();
        foreach (var tag in tags)
            parts.Add($"{tag.Key}={tag.Value}");
        parts.Sort(StringComparer.Ordinal);
        return string.Join(",", parts);
    }
}
