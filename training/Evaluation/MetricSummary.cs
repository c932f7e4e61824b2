namespace VfeTps.Stream.Evaluation;

/// <summary>Mean and sample standard deviation of one metric over seeds.</summary>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="StandardDeviation">Sample standard deviation (divides by n − 1); null with fewer than 2 values.</param>
/// <param name="Count">Number of values.</param>
public sealed record MetricSummary(double Mean, double? StandardDeviation, int Count)
{
    /// <summary>Summarises <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException">No values.</exception>
    public static MetricSummary Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("Nothing to summarise.", nameof(values));
        }

        var mean = values.Sum() / values.Count;
        if (values.Count < 2)
        {
            return new MetricSummary(mean, null, 1);
        }

        var squares = values.Sum(value => (value - mean) * (value - mean));
        return new MetricSummary(mean, Math.Sqrt(squares / (values.Count - 1)), values.Count);
    }

    /// <summary>"mean ± std" with <paramref name="decimals"/> decimals, or the mean alone for a single value.</summary>
    public string Format(int decimals) =>
        StandardDeviation is { } std
            ? $"{MarkdownTable.Number(Mean, decimals)} ± {MarkdownTable.Number(std, decimals)}"
            : MarkdownTable.Number(Mean, decimals);
}
