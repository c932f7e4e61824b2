namespace VfeTps.Stream.Evaluation;

/// <summary>The JSON shape of an <see cref="AblationTable"/>: summaries and the raw per-seed results.</summary>
/// <param name="Name">Table name.</param>
/// <param name="Summaries">One summary per run, in run order.</param>
/// <param name="Runs">The runs as given.</param>
public sealed record AblationDocument(
    string Name,
    IReadOnlyList<AblationRunSummary> Summaries,
    IReadOnlyList<AblationRun> Runs);
