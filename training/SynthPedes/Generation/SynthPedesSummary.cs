namespace VfeTps.Stream.SynthPedes;

/// <summary>What a generation run wrote.</summary>
public sealed record SynthPedesSummary
{
    public required string OutputDirectory { get; init; }

    /// <summary>The CUHK-PEDES-style annotation file, <c>synthpedes.json</c>.</summary>
    public required string AnnotationFile { get; init; }

    public required string ContactSheetFile { get; init; }

    public required string ReadmeFile { get; init; }

    public required int TrainIdentities { get; init; }

    public required int ValidationIdentities { get; init; }

    public required int TestIdentities { get; init; }

    public required int TrainImages { get; init; }

    public required int ValidationImages { get; init; }

    public required int TestImages { get; init; }

    public required int ContactSheetWidth { get; init; }

    public required int ContactSheetHeight { get; init; }

    /// <summary>Wall-clock time of the run (the only thing that differs between identical runs).</summary>
    public required TimeSpan Elapsed { get; init; }

    public int TotalImages => TrainImages + ValidationImages + TestImages;

    public int TotalIdentities => TrainIdentities + ValidationIdentities + TestIdentities;
}
