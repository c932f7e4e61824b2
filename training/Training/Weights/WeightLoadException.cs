namespace VfeTps.Stream.Training.Weights;

/// <summary>A weights file that does not fit the model; the message lists every problem found.</summary>
public sealed class WeightLoadException : Exception
{
    public WeightLoadException()
    {
    }

    public WeightLoadException(string message) : base(message)
    {
    }

    public WeightLoadException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public WeightLoadException(string path, IReadOnlyList<string> problems)
        : base($"'{path}' does not fit the model ({problems.Count} problem(s)):{Environment.NewLine}  " +
               string.Join(Environment.NewLine + "  ", problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; } = [];
}
