namespace VfeTps.Stream.Training.Trainer;

/// <summary>One line of metrics.jsonl: an epoch's mean losses, learning rate, validation and time.</summary>
public sealed record EpochRecord
{
    public required int Epoch { get; init; }
    public required int Steps { get; init; }
    public required double LearningRate { get; init; }
    public required double Total { get; init; }
    public required double Cmpm { get; init; }
    public double? TgMim { get; init; }
    public double? IsGvfc { get; init; }
    public double? IdentityClassification { get; init; }
    public double? Rank1 { get; init; }
    public double? Rank5 { get; init; }
    public double? Rank10 { get; init; }
    public double? MeanAveragePrecision { get; init; }
    public double? MeanInverseNegativePenalty { get; init; }
    public required double Seconds { get; init; }
}
