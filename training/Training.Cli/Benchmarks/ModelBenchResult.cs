namespace VfeTps.Stream.Training.Cli.Benchmarks;

/// <summary>Measured numbers for one configuration; times are medians in milliseconds.</summary>
internal sealed record ModelBenchResult(
    string Config,
    long ImageTowerParameters,
    long TextTowerParameters,
    long TrainingOnlyParameters,
    int TrainingBatch,
    double TrainStepMs,
    double? TrainPeakMemoryMiB,
    double ImageInferenceMs,
    double QueryInferenceMs,
    int Threads,
    int Iterations);
