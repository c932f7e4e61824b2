namespace VfeTps.Stream.Evaluation;

/// <summary>One configuration of an ablation (e.g. "CMPM + TG-MIM"), trained with several seeds.</summary>
/// <param name="Name">The configuration's name, unique within a table.</param>
/// <param name="Seeds">One result per seed.</param>
public sealed record AblationRun(string Name, IReadOnlyList<AblationSeedResult> Seeds);
