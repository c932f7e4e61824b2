namespace VfeTps.Stream.Export;

/// <summary>Input and output names of the exported tower graphs; the bundle manifest repeats them.</summary>
public static class TowerGraphNames
{
    /// <summary>Image tower input: normalised CHW pixels, float [batch, 3, H, W].</summary>
    public const string Pixels = "pixels";

    /// <summary>Text tower input: token ids, int64 [batch, tokens].</summary>
    public const string TokenIds = "token_ids";

    /// <summary>Both towers' output: L2-normalised embeddings, float [batch, D].</summary>
    public const string Embedding = "embedding";

    /// <summary>The dynamic batch axis.</summary>
    public const string BatchAxis = "batch";

    /// <summary>The dynamic token axis of the text tower.</summary>
    public const string TokenAxis = "tokens";
}
