using System.Text.Json;

namespace VfeTps.Stream.Inference;

/// <summary>
/// A model bundle's <c>manifest.json</c>: what the model is, how to feed its two towers, how it
/// scored, and the SHA-256 of every file beside it. Read and written by <see cref="BundleManifestJson"/>;
/// written by <see cref="ModelBundleWriter"/>, which fills in <see cref="Files"/>.
/// </summary>
public sealed record BundleManifest
{
    /// <summary>The manifest's file name in the bundle folder.</summary>
    public const string FileName = "manifest.json";

    /// <summary>The only layout this library reads and writes.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The checkpoint's file name in a bundle written by <see cref="ModelBundleWriter"/>.</summary>
    public const string DefaultCheckpoint = "checkpoint.safetensors";

    /// <summary>
    /// The largest <c>image.height</c> and <c>image.width</c> a manifest may give. Person crops are
    /// a few hundred pixels; the bound keeps one preprocessed image (3 × H × W floats) and the
    /// probe's buffers far from the sizes where arithmetic overflows or memory runs out.
    /// </summary>
    public const int MaxImageSide = 4096;

    /// <summary>The largest <c>text.contextLength</c> a manifest may give (CLIP uses 77).</summary>
    public const int MaxContextLength = 1024;

    /// <summary>The largest <c>embeddingSize</c> a manifest may give.</summary>
    public const int MaxEmbeddingSize = 8192;

    /// <summary>The largest <c>tokenizer.vocabularySize</c> a manifest may give (CLIP's is 49 408).</summary>
    public const int MaxVocabularySize = 1 << 20;

    /// <summary>Manifest layout version; <see cref="CurrentSchemaVersion"/>.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>A name unique to this trained model, e.g. <c>tiny-synthpedes-20261128T1200Z</c>; logged and reported by services.</summary>
    public required string ModelVersion { get; init; }

    /// <summary>When the bundle was exported.</summary>
    public required DateTimeOffset Created { get; init; }

    /// <summary>The training model's configuration, free-form; serving does not interpret it.</summary>
    public JsonElement Architecture { get; init; } = EmptyObject;

    /// <summary>Length of both towers' embeddings.</summary>
    public required int EmbeddingSize { get; init; }

    public required ImageTowerManifest Image { get; init; }

    public required TextTowerManifest Text { get; init; }

    public required TokenizerManifest Tokenizer { get; init; }

    /// <summary>The training checkpoint, relative to the bundle; serving never opens it but checks its checksum.</summary>
    public string Checkpoint { get; init; } = DefaultCheckpoint;

    /// <summary>How the model was trained (data set, recipe, epochs…), free-form; serving does not interpret it.</summary>
    public JsonElement Training { get; init; } = EmptyObject;

    /// <summary>Retrieval results by evaluation split name, e.g. <c>synthpedes-test</c>.</summary>
    public IReadOnlyDictionary<string, RecordedMetrics> Evaluation { get; init; } = new Dictionary<string, RecordedMetrics>();

    /// <summary>
    /// Lower-case hex SHA-256 of every file of the bundle except the manifest, by path relative to
    /// the bundle ('/'-separated). <see cref="ModelBundleWriter"/> computes it.
    /// </summary>
    public IReadOnlyDictionary<string, string> Files { get; init; } = new Dictionary<string, string>();

    /// <summary>An empty JSON object, the value of the free-form sections when there is nothing to say.</summary>
    public static JsonElement EmptyObject { get; } = JsonDocument.Parse("{}").RootElement.Clone();
}
