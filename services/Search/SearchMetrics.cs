using System.Diagnostics.Metrics;

namespace VfeTps.Stream.Search;

/// <summary>
/// The search API's metrics on the meter <see cref="MeterName"/>: query latency, queries by kind and
/// outcome, and results per query. Created through <see cref="IMeterFactory"/>, so each host (and
/// each test server) has its own instruments.
/// </summary>
public sealed class SearchMetrics
{
    /// <summary>The meter's name (add it to the host's metrics exporter).</summary>
    public const string MeterName = "VfeTps.Stream.Search";

    /// <summary>Kind tag: a text search.</summary>
    public const string TextKind = "text";

    /// <summary>Kind tag: a "more like this" search.</summary>
    public const string SimilarKind = "similar";

    private readonly Histogram<double> _duration;
    private readonly Counter<long> _queries;
    private readonly Histogram<int> _results;

    public SearchMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _duration = meter.CreateHistogram<double>(
            "vfetps.search.duration", "s", "Time to answer a search that ran, from reading the request to the results.");
        _queries = meter.CreateCounter<long>(
            "vfetps.search.queries", "{query}", "Searches by kind (text, similar) and outcome (ok, invalid, not_found, unavailable).");
        _results = meter.CreateHistogram<int>("vfetps.search.results", "{result}", "Results returned by a search that ran.");
    }

    internal void Answered(string kind, TimeSpan elapsed, int results)
    {
        var kindTag = new KeyValuePair<string, object?>("kind", kind);
        _duration.Record(elapsed.TotalSeconds, kindTag);
        _results.Record(results, kindTag);
        _queries.Add(1, kindTag, new KeyValuePair<string, object?>("outcome", "ok"));
    }

    internal void Refused(string kind, string outcome) =>
        _queries.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));
}
