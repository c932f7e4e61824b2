namespace VfeTps.Stream.Evaluation;

/// <summary>One named line of a <see cref="Plots.Lines"/> chart (e.g. a loss term per epoch).</summary>
/// <param name="Name">Legend entry.</param>
/// <param name="X">X values (e.g. epochs).</param>
/// <param name="Y">Y values, as many as <paramref name="X"/>.</param>
public sealed record PlotSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y);
