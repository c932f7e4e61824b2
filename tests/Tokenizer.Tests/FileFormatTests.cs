using System.Text;

namespace VfeTps.Stream.Tokenizer.Tests;

/// <summary>OpenAI's bpe_simple_vocab file and the Hugging Face pair must give identical tokenizers.</summary>
public sealed class FileFormatTests
{
    private static readonly (string Left, string Right)[] Merges =
    [
        ("t", "h"), ("th", "e</w>"), ("r", "e"), ("re", "d</w>"), ("a", "n"), ("s", "h"),
        ("sh", "i"), ("shi", "r"), ("shir", "t</w>"), ("m", "an</w>"), ("a", "n</w>"), ("Ã", "©</w>"),
    ];

    private static readonly string[] SampleTexts =
    [
        "the man in the red shirt", "A MAN, a plan; a canal", "café", "2024 shirts!", "<|endoftext|>", "猫 🙂",
    ];

    private static IEnumerable<string> MergeLines => Merges.Select(merge => $"{merge.Left} {merge.Right}");

    [Fact]
    public void ClipBpeFiles_AndVocabJson_GiveIdenticalTokenizers()
    {
        using var directory = new TempDirectory();
        var gzipPath = directory.PathOf("bpe_simple_vocab_16e6.txt.gz");
        var textPath = directory.PathOf("bpe_simple_vocab_16e6.txt");
        TestFileWriter.WriteClipBpeGzip(gzipPath, MergeLines);
        TestFileWriter.WriteClipBpeText(textPath, MergeLines);
        TestFileWriter.WriteVocabulary(directory.PathOf("vocab.json"), ReferenceClipLayout.Vocabulary(Merges));
        TestFileWriter.WriteMerges(directory.PathOf("merges.txt"), MergeLines);

        var fromGzip = ClipTokenizer.Load(TokenizerFiles.ClipBpe(gzipPath));
        var fromText = ClipTokenizer.Load(TokenizerFiles.ClipBpe(textPath));
        var fromJson = ClipTokenizer.Load(TokenizerFiles.HuggingFace(directory.PathOf("vocab.json"), directory.PathOf("merges.txt")));

        foreach (var tokenizer in new[] { fromGzip, fromText })
        {
            Assert.Equal(fromJson.Vocabulary.OrderBy(entry => entry.Value), tokenizer.Vocabulary.OrderBy(entry => entry.Value));
            Assert.Equal(fromJson.Merges, tokenizer.Merges);
            Assert.Equal(512 + Merges.Length, tokenizer.StartOfTextId);
            Assert.Equal(513 + Merges.Length, tokenizer.EndOfTextId);
            Assert.Equal(514 + Merges.Length, tokenizer.VocabularySize);
            foreach (var text in SampleTexts)
            {
                Assert.Equal(fromJson.Tokenize(text), tokenizer.Tokenize(text));
            }
        }

        // Hand check against the layout: "the" is merge 1, "red" merge 3, "man" merge 9.
        Assert.Equal(new[] { 513, 515, 521 }, fromGzip.Encode("the red man"));
    }

    [Fact]
    public void ClipBpeFile_UsesOnlyTheMergesClipUses()
    {
        // CLIP reads lines 1 .. 49152-256-2 of the file, so its vocabulary ends at 49407.
        var lines = Enumerable.Range(0, 49_000).Select(index => $"x{index} y");
        using var directory = new TempDirectory();
        TestFileWriter.WriteClipBpeGzip(directory.PathOf("bpe_simple_vocab_16e6.txt.gz"), lines);

        var tokenizer = ClipTokenizer.Load(directory.FullPath);

        Assert.Equal(48_894, tokenizer.Merges.Count);
        Assert.Equal("x48893 y", tokenizer.Merges[^1].ToString());
        Assert.Equal(49_406, tokenizer.StartOfTextId);
        Assert.Equal(49_407, tokenizer.EndOfTextId);
        Assert.Equal(49_408, tokenizer.VocabularySize);
    }

    [Fact]
    public void LoadDirectory_PrefersTheHuggingFacePair()
    {
        using var directory = new TempDirectory();
        SmallVocabulary.WriteTo(directory.FullPath);
        TestFileWriter.WriteClipBpeText(directory.PathOf("bpe_simple_vocab_16e6.txt"), MergeLines);

        var files = TokenizerFiles.Locate(directory.FullPath);

        Assert.Equal(TokenizerFileFormat.HuggingFace, files.Format);
        Assert.Equal(SmallVocabulary.EndOfText, ClipTokenizer.Load(directory.FullPath).EndOfTextId);
        Assert.Equal(2, files.Paths.Count);
    }

    [Theory]
    [InlineData("bpe_simple_vocab_16e6.txt.gz")]
    [InlineData("bpe_simple_vocab_16e6.txt")]
    public void LoadDirectory_FindsTheClipFile(string fileName)
    {
        using var directory = new TempDirectory();
        var path = directory.PathOf(fileName);
        if (fileName.EndsWith(".gz", StringComparison.Ordinal))
        {
            TestFileWriter.WriteClipBpeGzip(path, MergeLines);
        }
        else
        {
            TestFileWriter.WriteClipBpeText(path, MergeLines);
        }

        var files = TokenizerFiles.Locate(directory.FullPath);

        Assert.Equal(TokenizerFileFormat.ClipBpe, files.Format);
        Assert.Equal(path, files.MergesPath);
        Assert.Null(files.VocabularyPath);
        Assert.Equal(new[] { 513 }, ClipTokenizer.Load(directory.FullPath).Encode("the"));
    }

    [Fact]
    public void SaveTo_ThenLoad_GivesIdenticalIds()
    {
        using var directory = new TempDirectory();
        var original = SmallVocabulary.Load();
        var bundle = directory.CreateSubdirectory("model-bundle");

        var saved = original.SaveTo(bundle);
        var reloaded = ClipTokenizer.Load(bundle);

        Assert.Equal(TokenizerFileFormat.HuggingFace, saved.Format);
        Assert.True(File.Exists(Path.Combine(bundle, "vocab.json")));
        Assert.True(File.Exists(Path.Combine(bundle, "merges.txt")));
        Assert.StartsWith("#version", File.ReadAllLines(Path.Combine(bundle, "merges.txt"))[0], StringComparison.Ordinal);
        Assert.Equal(original.Merges, reloaded.Merges);
        Assert.Equal(original.VocabularySize, reloaded.VocabularySize);
        foreach (var text in SampleTexts.Append("shed there reed eeeee blue,red"))
        {
            Assert.Equal(original.Tokenize(text), reloaded.Tokenize(text));
        }
    }

    [Fact]
    public void SaveTo_ClipLayoutWithNonAsciiSymbols_RoundTrips()
    {
        using var directory = new TempDirectory();
        var original = ClipTokenizer.FromMerges(Merges.Select(merge => new BpeMerge(merge.Left, merge.Right)));

        original.SaveTo(directory.FullPath);
        var reloaded = ClipTokenizer.Load(directory.FullPath);

        Assert.Equal(original.Vocabulary.OrderBy(entry => entry.Value), reloaded.Vocabulary.OrderBy(entry => entry.Value));
        Assert.Contains("\"Ā\":", File.ReadAllText(directory.PathOf("vocab.json"), Encoding.UTF8), StringComparison.Ordinal);
    }
}
