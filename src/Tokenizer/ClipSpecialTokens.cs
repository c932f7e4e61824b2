namespace VfeTps.Stream.Tokenizer;

/// <summary>The fixed marker strings of the CLIP vocabulary.</summary>
public static class ClipSpecialTokens
{
    /// <summary>Marks the start of every tokenized text (id 49406 in OpenAI's CLIP).</summary>
    public const string StartOfText = "<|startoftext|>";

    /// <summary>Marks the end of every tokenized text (id 49407 in OpenAI's CLIP); the text tower pools here.</summary>
    public const string EndOfText = "<|endoftext|>";

    /// <summary>Suffix on a word's last symbol; it is how BPE tells word ends from word pieces.</summary>
    public const string EndOfWord = "</w>";
}
