using System.Globalization;
using System.Text;
using System.Text.Json;

namespace VfeTps.Stream.Evaluation;

/// <summary>Writes one evaluation's metrics as JSON (for scripts) and as a Markdown table (for people).</summary>
public static class EvaluationReport
{
    /// <summary>
    /// Writes <c>name.json</c> and <c>name.md</c> into <paramref name="directory"/>, creating it if
    /// needed and replacing earlier files of the same name.
    /// </summary>
    /// <param name="directory">Output folder.</param>
    /// <param name="name">File name without extension; also the report's title.</param>
    /// <param name="metrics">The retrieval metrics.</param>
    /// <param name="silhouette">Silhouette of the image features, or null to leave it out of the table.</param>
    /// <param name="context">Facts about the run (checkpoint, data set, seed, …); written sorted by key.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a plain file name.</exception>
    public static ReportFiles Write(
        string directory,
        string name,
        RetrievalMetrics metrics,
        double? silhouette = null,
        IReadOnlyDictionary<string, string>? context = null)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var sortedContext = new SortedDictionary<string, string>(
            context?.ToDictionary() ?? [], StringComparer.Ordinal);
        var document = new EvaluationReportDocument(name, metrics, silhouette, sortedContext);
        return ReportOutput.Write(directory, name, document, ToMarkdown(document));
    }

    /// <summary>Reads back a JSON file that <see cref="Write"/> wrote.</summary>
    /// <exception cref="InvalidDataException">The file is not such a report.</exception>
    public static EvaluationReportDocument Read(string jsonPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jsonPath);
        try
        {
            var document = JsonSerializer.Deserialize<EvaluationReportDocument>(File.ReadAllText(jsonPath), ReportOutput.Json);
            if (document?.Name is null || document.Metrics is null)
            {
                throw new InvalidDataException($"{jsonPath} lacks the report's name or metrics.");
            }

            return document with { Context = document.Context ?? new Dictionary<string, string>() };
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{jsonPath} is not an evaluation report: {exception.Message}", exception);
        }
    }

    /// <summary>The Markdown text <see cref="Write"/> produces.</summary>
    public static string ToMarkdown(EvaluationReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var metrics = document.Metrics;
        var table = new MarkdownTable(("Metric", false), ("Value", true));
        table.AddRow("Rank-1 (%)", MarkdownTable.Number(metrics.Rank1, 2));
        table.AddRow("Rank-5 (%)", MarkdownTable.Number(metrics.Rank5, 2));
        table.AddRow("Rank-10 (%)", MarkdownTable.Number(metrics.Rank10, 2));
        table.AddRow("mAP (%)", MarkdownTable.Number(metrics.MeanAveragePrecision, 2));
        table.AddRow("mINP (%)", MarkdownTable.Number(metrics.MeanInverseNegativePenalty, 2));
        if (document.Silhouette is { } silhouette)
        {
            table.AddRow("Silhouette", MarkdownTable.Number(silhouette, 4));
        }

        table.AddRow("Queries", metrics.QueryCount.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Gallery images", metrics.GalleryCount.ToString(CultureInfo.InvariantCulture));

        var builder = new StringBuilder();
        builder.Append("# ").Append(document.Name).Append("\n\n");
        table.AppendTo(builder);
        if (document.Context.Count > 0)
        {
            var context = new MarkdownTable(("Key", false), ("Value", false));
            foreach (var (key, value) in document.Context)
            {
                context.AddRow(key, value);
            }

            builder.Append("\n## Context\n\n");
            context.AppendTo(builder);
        }

        return builder.ToString();
    }
}
