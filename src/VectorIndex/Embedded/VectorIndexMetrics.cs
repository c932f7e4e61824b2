using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace VfeTps.Stream.VectorIndex.Embedded;

/// <summary>The embedded index's instruments (meter <c>VfeTps.Stream.VectorIndex</c>), tagged by collection.</summary>
internal static class VectorIndexMetrics
{
    public const string MeterName = "VfeTps.Stream.VectorIndex";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> PointsWritten =
        Meter.CreateCounter<long>("vfetps.vector_index.points_written", "{point}", "Points upserted (new or replaced).");

    private static readonly Counter<long> PointsDeleted =
        Meter.CreateCounter<long>("vfetps.vector_index.points_deleted", "{point}", "Points deleted by retention.");

    private static readonly Histogram<double> WriteDuration =
        Meter.CreateHistogram<double>("vfetps.vector_index.write.duration", "ms", "Time to make one upsert batch durable and searchable.");

    private static readonly Histogram<double> SearchDuration =
        Meter.CreateHistogram<double>("vfetps.vector_index.search.duration", "ms", "Time of one search (grouped or not).");

    public static void Written(string collection, int points, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("collection", collection);
        PointsWritten.Add(points, tag);
        WriteDuration.Record(elapsed.TotalMilliseconds, tag);
    }

    public static void Deleted(string collection, long points) =>
        PointsDeleted.Add(points, new KeyValuePair<string, object?>("collection", collection));

    public static void Searched(string collection, bool grouped, TimeSpan elapsed)
    {
        var tags = new TagList { { "collection", collection }, { "grouped", grouped } };
        SearchDuration.Record(elapsed.TotalMilliseconds, tags);
    }
}
