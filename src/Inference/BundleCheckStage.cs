namespace VfeTps.Stream.Inference;

/// <summary>
/// The checks <see cref="ModelBundleLoader"/> runs on a bundle, in the order it runs them. Each stage
/// reports every problem it finds at once; a later stage runs only when the earlier ones passed,
/// because it relies on them (no point probing a tower whose file failed its checksum).
/// </summary>
public enum BundleCheckStage
{
    /// <summary><c>manifest.json</c> exists, parses and every field is valid.</summary>
    Manifest,

    /// <summary>Every listed file exists and matches its SHA-256; every file serving needs is listed.</summary>
    Files,

    /// <summary>The tokenizer loads and its vocabulary size matches the manifest.</summary>
    Tokenizer,

    /// <summary>ONNX Runtime opens both towers.</summary>
    Sessions,

    /// <summary>The towers' input and output names, element types and shapes match the manifest.</summary>
    Signatures,

    /// <summary>Fixed probe images and texts give finite, unit-length, distinct embeddings.</summary>
    Probe,
}
