using System.Globalization;

namespace VfeTps.Stream.Training.Trainer;

/// <summary>Where training stands, as stored in a checkpoint's metadata.</summary>
public sealed record ResumePoint(int Epoch, int StepInEpoch, double BestMeanAveragePrecision)
{
    private const string EpochKey = "epoch";
    private const string StepKey = "step_in_epoch";
    private const string BestKey = "best_map";

    public static ResumePoint Start { get; } = new(0, 0, double.NegativeInfinity);

    public IReadOnlyDictionary<string, string> ToMetadata() => new Dictionary<string, string>
    {
        [EpochKey] = Epoch.ToString(CultureInfo.InvariantCulture),
        [StepKey] = StepInEpoch.ToString(CultureInfo.InvariantCulture),
        [BestKey] = BestMeanAveragePrecision.ToString("R", CultureInfo.InvariantCulture),
    };

    public static ResumePoint FromMetadata(IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (!metadata.TryGetValue(EpochKey, out var epoch) || !metadata.TryGetValue(StepKey, out var step))
            throw new InvalidDataException("The checkpoint has no training progress (epoch, step_in_epoch); it cannot be resumed.");
        var best = metadata.TryGetValue(BestKey, out var b) ? double.Parse(b, CultureInfo.InvariantCulture) : double.NegativeInfinity;
        return new ResumePoint(int.Parse(epoch, CultureInfo.InvariantCulture), int.Parse(step, CultureInfo.InvariantCulture), best);
    }
}
