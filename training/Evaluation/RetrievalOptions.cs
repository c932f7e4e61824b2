namespace VfeTps.Stream.Evaluation;

/// <summary>How <see cref="RetrievalEvaluator"/> spreads work; the result does not depend on it.</summary>
public sealed record RetrievalOptions
{
    /// <summary>Default options: as many workers as the scheduler allows.</summary>
    public static RetrievalOptions Default { get; } = new();

    /// <summary>Most queries scored at once; -1 (the default) leaves it to the scheduler.</summary>
    public int MaxDegreeOfParallelism
    {
        get;
        init
        {
            if (value is 0 or < -1)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "Use -1 or a positive count.");
            }

            field = value;
        }
    } = -1;
}
