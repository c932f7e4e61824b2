namespace VfeTps.Stream.Training.Trainer;

/// <summary>
/// Linear warm-up from <c>WarmupStartFactor</c>×lr to lr, then cosine decay to <c>FinalFactor</c>×lr,
/// evaluated per optimiser step (fractional epochs) so that it is smooth and resumable.
/// </summary>
public sealed class LearningRateSchedule
{
    private readonly OptimizerSettings _settings;
    private readonly int _epochs;

    public LearningRateSchedule(OptimizerSettings settings, int epochs)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _epochs = epochs;
    }

    /// <summary>The multiplier of the base learning rate at a (fractional) epoch, 0 ≤ epoch ≤ epochs.</summary>
    public double Factor(double epoch)
    {
        var warmup = _settings.WarmupEpochs;
        if (epoch < warmup)
            return _settings.WarmupStartFactor + ((1 - _settings.WarmupStartFactor) * epoch / warmup);
        var progress = Math.Clamp((epoch - warmup) / (_epochs - warmup), 0, 1);
        var cosine = 0.5 * (1 + Math.Cos(Math.PI * progress));
        return _settings.FinalFactor + ((1 - _settings.FinalFactor) * cosine);
    }
}
