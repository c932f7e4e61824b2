using VfeTps.Stream.Tokenizer;

namespace VfeTps.Stream.Inference.Tests;

/// <summary>A small CLIP-layout tokenizer learned from a few captions: every byte is a token, so any text encodes.</summary>
internal static class TestTokenizer
{
    private static readonly string[] Captions =
    [
        "a woman in a red dress with a black bag",
        "a man wearing a blue jacket and dark jeans",
        "the person wears a white shirt and black trousers",
        "a girl with a pink skirt and a yellow backpack",
        "a man in a black suit walking with a phone",
    ];

    private static readonly Lazy<ClipTokenizer> Shared = new(() => new BpeVocabularyBuilder(mergeCount: 40).Build(Captions));

    public static ClipTokenizer Instance => Shared.Value;

    /// <summary>Writes vocab.json + merges.txt into <paramref name="directory"/>.</summary>
    public static TokenizerFiles SaveTo(string directory) => Instance.SaveTo(directory);
}
