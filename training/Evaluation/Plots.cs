using ScottPlot;

namespace VfeTps.Stream.Evaluation;

/// <summary>PNG charts for training curves, feature projections and ablations (ScottPlot, headless).</summary>
public static class Plots
{
    /// <summary>Default image width in pixels.</summary>
    public const int DefaultWidth = 800;

    /// <summary>Default image height in pixels.</summary>
    public const int DefaultHeight = 500;

    private static readonly MarkerShape[] ProjectionMarkers =
    [
        MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond,
    ];

    /// <summary>Line chart with markers and a legend, e.g. loss terms or validation Rank-1 and mAP per epoch.</summary>
    /// <exception cref="ArgumentException">No series, a series without points, unequal X and Y lengths, or a non-finite value.</exception>
    public static void Lines(
        string path,
        string title,
        string xLabel,
        string yLabel,
        IReadOnlyList<PlotSeries> series,
        int width = DefaultWidth,
        int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count == 0)
        {
            throw new ArgumentException("A line chart needs at least one series.", nameof(series));
        }

        foreach (var line in series)
        {
            ValidateSeries(line);
        }

        using var plot = PlotCanvas.Create(path, title, width, height);
        for (var s = 0; s < series.Count; s++)
        {
            var scatter = plot.Add.Scatter(series[s].X.ToArray(), series[s].Y.ToArray(), PlotCanvas.Palette.GetColor(s));
            scatter.LegendText = series[s].Name;
            scatter.LineWidth = 2;
            scatter.MarkerSize = series[s].X.Count > 60 ? 0 : 5;
        }

        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        // Outside the data area: rising curves (validation Rank-1) end where an inner legend would sit.
        plot.ShowLegend(Edge.Right);
        PlotCanvas.Save(plot, path, width, height);
    }

    /// <summary>Scatter of 2-D feature projections, one colour (and legend entry) per identity.</summary>
    /// <param name="path">PNG file to write.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="points">Projected features, e.g. from <see cref="TsneProjection"/>.</param>
    /// <param name="labels">Person id of each point; legend entries follow first appearance.</param>
    /// <param name="width">Image width in pixels.</param>
    /// <param name="height">Image height in pixels.</param>
    /// <exception cref="ArgumentException">No points, counts disagree, or a coordinate is not finite.</exception>
    public static void Projection(
        string path,
        string title,
        IReadOnlyList<Point2D> points,
        IReadOnlyList<int> labels,
        int width = DefaultWidth,
        int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(labels);
        if (points.Count == 0)
        {
            throw new ArgumentException("There are no points to plot.", nameof(points));
        }

        if (labels.Count != points.Count)
        {
            throw new ArgumentException($"{labels.Count} labels for {points.Count} points.", nameof(labels));
        }

        PlotCanvas.RequireFinite([.. points.Select(point => point.X)], "points.X", nameof(points));
        PlotCanvas.RequireFinite([.. points.Select(point => point.Y)], "points.Y", nameof(points));

        using var plot = PlotCanvas.Create(path, title, width, height);
        var identities = labels.Distinct().ToArray();
        for (var k = 0; k < identities.Length; k++)
        {
            var members = Enumerable.Range(0, points.Count).Where(i => labels[i] == identities[k]).ToArray();
            var scatter = plot.Add.ScatterPoints(
                members.Select(i => points[i].X).ToArray(),
                members.Select(i => points[i].Y).ToArray(),
                PlotCanvas.Palette.GetColor(k));
            // Past the palette's ten colours, the marker shape keeps identities apart.
            scatter.MarkerShape = ProjectionMarkers[(k / PlotCanvas.Palette.Colors.Length) % ProjectionMarkers.Length];
            scatter.MarkerSize = 7;
            scatter.LegendText = $"ID {identities[k]}";
        }

        // The axes of a projection carry no units; equal scales keep the shapes honest.
        plot.Axes.SquareUnits();
        plot.ShowLegend(Edge.Right);
        PlotCanvas.Save(plot, path, width, height);
    }

    /// <summary>
    /// Grouped bars with ± standard-deviation error bars: one cluster per category (e.g. metric),
    /// one coloured bar per group (e.g. ablation run) in each.
    /// </summary>
    /// <exception cref="ArgumentException">No categories or groups, a group with the wrong number of values, or a negative or non-finite value.</exception>
    public static void GroupedBars(
        string path,
        string title,
        IReadOnlyList<string> categories,
        IReadOnlyList<BarGroup> groups,
        string? yLabel = null,
        int width = DefaultWidth,
        int height = DefaultHeight)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(groups);
        if (categories.Count == 0)
        {
            throw new ArgumentException("A bar chart needs at least one category.", nameof(categories));
        }

        if (groups.Count == 0)
        {
            throw new ArgumentException("A bar chart needs at least one group.", nameof(groups));
        }

        foreach (var group in groups)
        {
            ValidateGroup(group, categories.Count);
        }

        using var plot = PlotCanvas.Create(path, title, width, height);
        // Each category spans [c − 0.4, c + 0.4]; its groups share that width side by side.
        var slot = 0.8 / groups.Count;
        for (var g = 0; g < groups.Count; g++)
        {
            var color = PlotCanvas.Palette.GetColor(g);
            var bars = new List<Bar>();
            for (var c = 0; c < categories.Count; c++)
            {
                bars.Add(new Bar
                {
                    Position = c - 0.4 + (slot * (g + 0.5)),
                    Value = groups[g].Means[c],
                    Error = groups[g].StandardDeviations[c],
                    Size = slot * 0.9,
                    FillColor = color,
                });
            }

            var barPlot = plot.Add.Bars(bars);
            barPlot.LegendText = groups[g].Name;
        }

        plot.Axes.Bottom.SetTicks(
            [.. Enumerable.Range(0, categories.Count).Select(static c => (double)c)], [.. categories]);
        plot.Axes.Margins(bottom: 0);
        if (yLabel is not null)
        {
            plot.YLabel(yLabel);
        }

        plot.ShowLegend(Edge.Bottom);
        PlotCanvas.Save(plot, path, width, height);
    }

    private static void ValidateSeries(PlotSeries series)
    {
        ArgumentNullException.ThrowIfNull(series, nameof(series));
        ArgumentNullException.ThrowIfNull(series.X, nameof(series));
        ArgumentNullException.ThrowIfNull(series.Y, nameof(series));
        if (series.X.Count == 0)
        {
            throw new ArgumentException($"Series '{series.Name}' has no points.", nameof(series));
        }

        if (series.X.Count != series.Y.Count)
        {
            throw new ArgumentException(
                $"Series '{series.Name}' has {series.X.Count} x values and {series.Y.Count} y values.", nameof(series));
        }

        PlotCanvas.RequireFinite(series.X, $"{series.Name}.X", nameof(series));
        PlotCanvas.RequireFinite(series.Y, $"{series.Name}.Y", nameof(series));
    }

    private static void ValidateGroup(BarGroup group, int categoryCount)
    {
        ArgumentNullException.ThrowIfNull(group, nameof(group));
        if (group.Means.Count != categoryCount || group.StandardDeviations.Count != categoryCount)
        {
            throw new ArgumentException(
                $"Group '{group.Name}' has {group.Means.Count} means and {group.StandardDeviations.Count} deviations for {categoryCount} categories.",
                nameof(group));
        }

        PlotCanvas.RequireFinite(group.Means, $"{group.Name}.Means", nameof(group));
        PlotCanvas.RequireFinite(group.StandardDeviations, $"{group.Name}.StandardDeviations", nameof(group));
        if (group.StandardDeviations.Any(static std => std < 0))
        {
            throw new ArgumentException($"Group '{group.Name}' has a negative standard deviation.", nameof(group));
        }
    }
}
