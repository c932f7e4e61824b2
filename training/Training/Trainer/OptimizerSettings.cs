namespace VfeTps.Stream.Training.Trainer;

/// <summary>Adam and the learning-rate schedule (defaults: the paper and the reference code).</summary>
public sealed record OptimizerSettings
{
    public double LearningRate { get; init; } = 1e-5;
    public double WeightDecay { get; init; } = 4e-5;
    public double Beta1 { get; init; } = 0.9;
    public double Beta2 { get; init; } = 0.999;

    /// <summary>1e-3 as in the reference code (the paper does not say).</summary>
    public double Epsilon { get; init; } = 1e-3;

    /// <summary>Learning-rate factor for TG-MIM's cross-modal modules (reference code: 5).</summary>
    public double CrossModalLearningRateFactor { get; init; } = 5;

    /// <summary>Learning-rate factor for biases, which also get no weight decay (reference code: 2).</summary>
    public double BiasLearningRateFactor { get; init; } = 2;

    public double WarmupEpochs { get; init; } = 5;

    /// <summary>Warm-up starts at this fraction of the learning rate and rises linearly.</summary>
    public double WarmupStartFactor { get; init; } = 0.1;

    /// <summary>Cosine decay ends at this fraction of the learning rate.</summary>
    public double FinalFactor { get; init; }

    internal void Validate(int epochs)
    {
        if (LearningRate <= 0)
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "The learning rate must be positive.");
        if (WarmupEpochs < 0 || WarmupEpochs >= epochs)
            throw new ArgumentOutOfRangeException(nameof(WarmupEpochs), WarmupEpochs, $"Warm-up must be shorter than the {epochs} epochs.");
    }
}
