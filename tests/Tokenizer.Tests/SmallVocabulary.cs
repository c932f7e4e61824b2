namespace VfeTps.Stream.Tokenizer.Tests;

/// <summary>
/// A hand-made Hugging Face tokenizer with deliberately non-CLIP ids, so every expected id in the
/// tests is read off this file rather than computed by the code under test.
/// </summary>
internal static class SmallVocabulary
{
    public const int T = 10, H = 11, E = 12, R = 13, D = 14, B = 15, L = 16, U = 17, S = 18;
    public const int EEnd = 20, DEnd = 21, CommaEnd = 22, SEnd = 23, AEnd = 24;
    public const int Th = 30, TheEnd = 31, Re = 32, RedEnd = 33, Bl = 34, Blu = 35, BlueEnd = 36, Ee = 37;
    public const int StartOfText = 100, EndOfText = 101;

    /// <summary>Rank order matters: "e e" (rank 2) beats "r e" (rank 3); "sh" is merged but not in the vocabulary.</summary>
    public static readonly string[] MergeLines =
    [
        "t h", "th e</w>", "e e", "r e", "re d</w>", "b l", "bl u", "blu e</w>", "s h",
    ];

    private static readonly (string Token, int Id)[] Entries =
    [
        ("t", T), ("h", H), ("e", E), ("r", R), ("d", D), ("b", B), ("l", L), ("u", U), ("s", S),
        ("e</w>", EEnd), ("d</w>", DEnd), (",</w>", CommaEnd), ("s</w>", SEnd), ("a</w>", AEnd),
        ("th", Th), ("the</w>", TheEnd), ("re", Re), ("red</w>", RedEnd),
        ("bl", Bl), ("blu", Blu), ("blue</w>", BlueEnd), ("ee", Ee),
        ("<|startoftext|>", StartOfText), ("<|endoftext|>", EndOfText),
    ];

    public static Dictionary<string, int> Vocabulary() => Entries.ToDictionary(entry => entry.Token, entry => entry.Id);

    public static TokenizerFiles WriteTo(string directory)
    {
        var vocabularyPath = Path.Combine(directory, "vocab.json");
        var mergesPath = Path.Combine(directory, "merges.txt");
        TestFileWriter.WriteVocabulary(vocabularyPath, Vocabulary());
        TestFileWriter.WriteMerges(mergesPath, MergeLines);
        return TokenizerFiles.HuggingFace(vocabularyPath, mergesPath);
    }

    public static ClipTokenizer Load()
    {
        using var directory = new TempDirectory();
        return ClipTokenizer.Load(WriteTo(directory.FullPath));
    }
}
