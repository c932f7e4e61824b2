using System.Globalization;
using System.Text;

namespace VfeTps.Stream.Evaluation;

/// <summary>
/// An ablation study: several named runs, each trained with several seeds, summarised as
/// mean ± sample standard deviation per metric and written as Markdown and JSON.
/// </summary>
public sealed class AblationTable
{
    /// <summary>The retrieval metrics in table order, as labelled in charts.</summary>
    public static IReadOnlyList<string> RetrievalMetricNames { get; } = ["Rank-1", "Rank-5", "Rank-10", "mAP", "mINP"];

    /// <summary>Validates and summarises <paramref name="runs"/>.</summary>
    /// <exception cref="ArgumentException">
    /// No runs, a run without seeds, duplicate run names or seeds, or a run where only some seeds
    /// carry a silhouette or a time per epoch (a half-filled column would average different things).
    /// </exception>
    public AblationTable(IReadOnlyList<AblationRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            throw new ArgumentException("An ablation table needs at least one run.", nameof(runs));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in runs)
        {
            ArgumentNullException.ThrowIfNull(run, nameof(runs));
            ArgumentException.ThrowIfNullOrWhiteSpace(run.Name, nameof(runs));
            if (!names.Add(run.Name))
            {
                throw new ArgumentException($"Run name '{run.Name}' appears twice.", nameof(runs));
            }
        }

        Runs = [.. runs];
        Summaries = [.. Runs.Select(Summarise)];
    }

    /// <summary>The runs, in the order given.</summary>
    public IReadOnlyList<AblationRun> Runs { get; }

    /// <summary>One summary per run, in run order.</summary>
    public IReadOnlyList<AblationRunSummary> Summaries { get; }

    /// <summary>Writes <c>name.json</c> and <c>name.md</c> into <paramref name="directory"/>.</summary>
    public ReportFiles Write(string directory, string name) =>
        ReportOutput.Write(directory, name, new AblationDocument(name, Summaries, Runs), ToMarkdown(name));

    /// <summary>
    /// A Markdown table, one row per run; the silhouette and seconds-per-epoch columns appear only
    /// when some run has them.
    /// </summary>
    public string ToMarkdown(string title)
    {
        var withSilhouette = Summaries.Any(summary => summary.Silhouette is not null);
        var withTiming = Summaries.Any(summary => summary.SecondsPerEpoch is not null);
        var columns = new List<(string, bool)> { ("Run", false), ("Seeds", true) };
        columns.AddRange(RetrievalMetricNames.Select(metric => (metric + " (%)", true)));
        if (withSilhouette)
        {
            columns.Add(("Silhouette", true));
        }

        if (withTiming)
        {
            columns.Add(("s / epoch", true));
        }

        var table = new MarkdownTable([.. columns]);
        foreach (var summary in Summaries)
        {
            var cells = new List<string>
            {
                summary.Name,
                summary.Seeds.Count.ToString(CultureInfo.InvariantCulture),
                summary.Rank1.Format(2),
                summary.Rank5.Format(2),
                summary.Rank10.Format(2),
                summary.MeanAveragePrecision.Format(2),
                summary.MeanInverseNegativePenalty.Format(2),
            };
            if (withSilhouette)
            {
                cells.Add(summary.Silhouette?.Format(4) ?? "–");
            }

            if (withTiming)
            {
                cells.Add(summary.SecondsPerEpoch?.Format(1) ?? "–");
            }

            table.AddRow([.. cells]);
        }

        var builder = new StringBuilder();
        builder.Append("# ").Append(title).Append("\n\n");
        table.AppendTo(builder);
        builder.Append("\nMean ± sample standard deviation (n − 1) over seeds; a single seed shows its value alone.\n");
        return builder.ToString();
    }

    /// <summary>Bars for <see cref="Plots.GroupedBars"/>: categories are <see cref="RetrievalMetricNames"/>, one group per run.</summary>
    public IReadOnlyList<BarGroup> ToBarGroups() =>
        [.. Summaries.Select(summary =>
        {
            MetricSummary[] metrics =
            [
                summary.Rank1, summary.Rank5, summary.Rank10, summary.MeanAveragePrecision, summary.MeanInverseNegativePenalty,
            ];
            return new BarGroup(
                summary.Name,
                [.. metrics.Select(metric => metric.Mean)],
                [.. metrics.Select(metric => metric.StandardDeviation ?? 0.0)]);
        })];

    private static AblationRunSummary Summarise(AblationRun run)
    {
        var seeds = run.Seeds;
        if (seeds is null || seeds.Count == 0)
        {
            throw new ArgumentException($"Run '{run.Name}' has no seeds.", nameof(run));
        }

        if (seeds.Select(seed => seed.Seed).Distinct().Count() != seeds.Count)
        {
            throw new ArgumentException($"Run '{run.Name}' lists a seed twice.", nameof(run));
        }

        MetricSummary Of(Func<RetrievalMetrics, double> metric) =>
            MetricSummary.Of([.. seeds.Select(seed => metric(seed.Metrics))]);

        return new AblationRunSummary(
            run.Name,
            [.. seeds.Select(seed => seed.Seed)],
            Of(static metrics => metrics.Rank1),
            Of(static metrics => metrics.Rank5),
            Of(static metrics => metrics.Rank10),
            Of(static metrics => metrics.MeanAveragePrecision),
            Of(static metrics => metrics.MeanInverseNegativePenalty),
            Optional(run, static seed => seed.Silhouette, "silhouette"),
            Optional(run, static seed => seed.SecondsPerEpoch, "seconds per epoch"));
    }

    private static MetricSummary? Optional(AblationRun run, Func<AblationSeedResult, double?> value, string what)
    {
        var present = run.Seeds.Select(value).Where(static v => v is not null).Select(static v => v!.Value).ToArray();
        if (present.Length == 0)
        {
            return null;
        }

        if (present.Length != run.Seeds.Count)
        {
            throw new ArgumentException(
                $"Run '{run.Name}' has a {what} for {present.Length} of its {run.Seeds.Count} seeds; give it for all or none.",
                nameof(run));
        }

        return MetricSummary.Of(present);
    }
}
