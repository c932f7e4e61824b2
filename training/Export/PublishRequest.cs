using VfeTps.Stream.Inference;

namespace VfeTps.Stream.Export;

/// <summary>What to publish and as what.</summary>
/// <param name="Checkpoint">The training checkpoint (its optimizer state is not carried over).</param>
/// <param name="TokenizerDirectory">The run's tokenizer files.</param>
/// <param name="Destination">The bundle folder to create; must not exist or be empty.</param>
/// <param name="ModelVersion">The version name services and the UI show.</param>
/// <param name="Training">Where the model came from (data set, recipe, epochs…), written into the manifest.</param>
/// <param name="Evaluation">Metrics per evaluation split, as the training-side evaluator measured them.</param>
public sealed record PublishRequest(
    string Checkpoint,
    string TokenizerDirectory,
    string Destination,
    string ModelVersion,
    IReadOnlyDictionary<string, object?> Training,
    IReadOnlyDictionary<string, RecordedMetrics> Evaluation);
