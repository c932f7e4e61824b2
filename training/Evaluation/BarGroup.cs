namespace VfeTps.Stream.Evaluation;

/// <summary>One coloured group of a grouped bar chart: a value with an error bar per category.</summary>
/// <param name="Name">Legend entry.</param>
/// <param name="Means">Bar heights, one per category.</param>
/// <param name="StandardDeviations">Error-bar half-lengths, one per category (0 for none).</param>
public sealed record BarGroup(string Name, IReadOnlyList<double> Means, IReadOnlyList<double> StandardDeviations);
