namespace VfeTps.Stream.Training.Trainer;

/// <summary>How a call to <see cref="ModelTrainer.Train"/> ended.</summary>
public enum TrainingOutcome
{
    /// <summary>All epochs (or the step limit) done; the last checkpoint holds the final model.</summary>
    Completed,

    /// <summary>Cancelled (Ctrl-C); the last checkpoint holds the state to resume from.</summary>
    Interrupted,
}
