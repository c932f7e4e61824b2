namespace VfeTps.Stream.Evaluation;

/// <summary>Settings of <see cref="TsneProjection"/>; the defaults follow scikit-learn's exact t-SNE.</summary>
public sealed record TsneOptions
{
    /// <summary>Default settings.</summary>
    public static TsneOptions Default { get; } = new();

    /// <summary>Effective number of neighbours each point's P distribution spans; must be below the point count.</summary>
    public double Perplexity { get; init; } = 30.0;

    /// <summary>Gradient-descent iterations in total.</summary>
    public int Iterations { get; init; } = 1000;

    /// <summary>Factor on P during the first <see cref="ExaggerationIterations"/> iterations, to form tight, well-separated clusters early.</summary>
    public double EarlyExaggeration { get; init; } = 12.0;

    /// <summary>Iterations with exaggerated P and the lower momentum.</summary>
    public int ExaggerationIterations { get; init; } = 250;

    /// <summary>Momentum while exaggerating.</summary>
    public double InitialMomentum { get; init; } = 0.5;

    /// <summary>Momentum afterwards.</summary>
    public double FinalMomentum { get; init; } = 0.8;

    /// <summary>Step size; null picks scikit-learn's "auto", max(n / early exaggeration / 4, 50).</summary>
    public double? LearningRate { get; init; }

    /// <summary>Seed of the random initial layout; the same seed gives the same projection.</summary>
    public int Seed { get; init; }
}
