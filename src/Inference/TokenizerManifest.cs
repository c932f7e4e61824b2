namespace VfeTps.Stream.Inference;

/// <summary>The manifest's <c>tokenizer</c> section: the tokenizer the text tower was trained with.</summary>
public sealed record TokenizerManifest
{
    /// <summary>The only kind there is: OpenAI CLIP's byte-level BPE (<c>VfeTps.Stream.Tokenizer.ClipTokenizer</c>).</summary>
    public const string ClipBpeKind = "clip-bpe";

    /// <summary>The tokenizer's folder name in a bundle written by <see cref="ModelBundleWriter"/>.</summary>
    public const string DefaultDirectory = "tokenizer";

    /// <summary>The tokenizer's algorithm; <see cref="ClipBpeKind"/>.</summary>
    public string Kind { get; init; } = ClipBpeKind;

    /// <summary>The folder holding vocab.json + merges.txt (or bpe_simple_vocab_16e6.txt[.gz]), relative to the bundle.</summary>
    public string Directory { get; init; } = DefaultDirectory;

    /// <summary>One past the largest token id: the rows of the text tower's token embedding table; at most <see cref="BundleManifest.MaxVocabularySize"/>.</summary>
    public required int VocabularySize { get; init; }
}
