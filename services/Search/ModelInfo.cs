using System.Text.Json;
using VfeTps.Stream.Inference;

namespace VfeTps.Stream.Search;

/// <summary>The serving model as <c>GET /api/model</c> describes it (for the UI's model page).</summary>
/// <param name="ModelVersion">The serving model version.</param>
/// <param name="Created">When the bundle was exported.</param>
/// <param name="EmbeddingSize">Floats per embedding.</param>
/// <param name="ExecutionProvider">Where the towers run (Cpu or Cuda).</param>
/// <param name="ImageWidth">The image tower's input width in pixels.</param>
/// <param name="ImageHeight">The image tower's input height in pixels.</param>
/// <param name="TextContextLength">Tokens the text tower reads; longer descriptions are cut.</param>
/// <param name="MaxQueryCharacters">The longest query text accepted.</param>
/// <param name="Evaluation">Recorded retrieval results (percent) by evaluation split; a split name says what data it measures.</param>
/// <param name="Training">How the model was trained, as the bundle records it (free-form).</param>
/// <param name="Index">The vector collection searched.</param>
public sealed record ModelInfo(
    string ModelVersion,
    DateTimeOffset Created,
    int EmbeddingSize,
    string ExecutionProvider,
    int ImageWidth,
    int ImageHeight,
    int TextContextLength,
    int MaxQueryCharacters,
    IReadOnlyDictionary<string, RecordedMetrics> Evaluation,
    JsonElement Training,
    IndexInfo Index);
