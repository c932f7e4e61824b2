namespace VfeTps.Stream.Tokenizer;

/// <summary>The on-disk forms a CLIP tokenizer can be loaded from.</summary>
public enum TokenizerFileFormat
{
    /// <summary><c>vocab.json</c> (token to id) plus <c>merges.txt</c> (one merge a line), as Hugging Face ships them.</summary>
    HuggingFace,

    /// <summary>OpenAI's <c>bpe_simple_vocab_16e6.txt(.gz)</c>: a header line then merges; the vocabulary is derived.</summary>
    ClipBpe,
}
