using System.Text;

namespace VfeTps.Stream.Tokenizer.Tests;

/// <summary>Broken tokenizer files give a <see cref="TokenizerFormatException"/> that says what and where.</summary>
public sealed class MalformedFileTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void EmptyModelFolder_NamesWhatWasLookedFor()
    {
        var error = Assert.Throws<TokenizerFormatException>(() => ClipTokenizer.Load(_directory.FullPath));

        Assert.Contains(_directory.FullPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("vocab.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("bpe_simple_vocab_16e6.txt.gz", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VocabularyWithoutMerges_NamesTheMissingFile()
    {
        SmallVocabulary.WriteTo(_directory.FullPath);
        File.Delete(_directory.PathOf("merges.txt"));

        var error = Assert.Throws<TokenizerFormatException>(() => ClipTokenizer.Load(_directory.FullPath));

        Assert.Contains(_directory.PathOf("merges.txt") + "' is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFile_NamesIt()
    {
        var files = SmallVocabulary.WriteTo(_directory.FullPath);
        File.Delete(files.VocabularyPath!);

        var error = Assert.Throws<TokenizerFormatException>(() => ClipTokenizer.Load(files));

        Assert.Equal(files.VocabularyPath, error.FilePath);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.IsType<FileNotFoundException>(error.InnerException);
    }

    [Theory]
    [InlineData("{\"a\": 1,")]
    [InlineData("{\"a\" 1}")]
    [InlineData("")]
    public void BadJson_NamesTheFileAndPosition(string json)
    {
        var files = SmallVocabulary.WriteTo(_directory.FullPath);
        File.WriteAllText(files.VocabularyPath!, json);

        var error = Assert.Throws<TokenizerFormatException>(() => ClipTokenizer.Load(files));

        Assert.Contains(files.VocabularyPath!, error.Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON (line 1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[1, 2]", "JSON object")]
    [InlineData("{\"th\": \"3\"}", "token 'th'")]
    [InlineData("{\"th\": 1.5}", "token 'th'")]
    [InlineData("{\"th\": -1}", "token 'th'")]
    [InlineData("{\"th\": 1, \"th\": 2}", "token 'th' appears twice")]
    [InlineData("{\"th\": 1, \"he\": 1}", "share id 1")]
    public void WrongVocabularyContent_NamesTheKey(string json, string expected)
    {
        var files = SmallVocabulary.WriteTo(_directory.FullPath);
        File.WriteAllText(files.VocabularyPath!, json);

        var error = Assert.Throws<TokenizerFormatException>(() => ClipTokenizer.Load(files));

        Assert.Contains(files.VocabularyPath!, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<|startoftext|>")]
    [InlineData("<|endoftext|>")]
    public void VocabularyMissingASpecialToken_NamesIt(string special)
    {
        var files = SmallVocabulary.WriteTo(_directory.FullPath);
        var vocabulary = SmallVocabulary.Vocabulary();
        vocabulary.Remove(special);
        TestFileWriter.WriteVocabulary(files.VocabularyPath!, vocabulary);

        var error = Assert.Throws<TokenizerFormatException>(() => ClipTokenizer.Load(files));

        Assert.Contains(files.VocabularyPath!, error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{special}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MergeLineWithOneSymbol_NamesFileAndLine()
    {
        var files = SmallVocabulary.WriteTo(_directory.FullPath);
        TestFileWriter.WriteMerges(files.MergesPath, ["t h", "th"]); // the header is line 1

        var error = Assert.Throws<TokenizerFormatException>(() => ClipTokenizer.Load(files));

        Assert.Contains(files.MergesPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("'th'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MergeLineWithThreeSymbols_OrABlankLineInside_IsRejected()
    {
        var files = SmallVocabulary.WriteTo(_directory.FullPath);
        TestFileWriter.WriteMerges(files.MergesPath, ["t h", "a b c"]);
        Assert.Contains("line 3", Assert.Throws<TokenizerFormatException>(() => ClipTokenizer.Load(files)).Message, StringComparison.Ordinal);

        TestFileWriter.WriteMerges(files.MergesPath, ["t h", string.Empty, "r e"]);
        Assert.Contains("line 3", Assert.Throws<TokenizerFormatException>(() => ClipTokenizer.Load(files)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RepeatedMerge_NamesBothLines()
    {
        var path = _directory.PathOf("bpe_simple_vocab_16e6.txt");
        TestFileWriter.WriteClipBpeText(path, ["t h", "r e", "t h"]);

        var error = Assert.Throws<TokenizerFormatException>(() => ClipTokenizer.Load(_directory.FullPath));

        Assert.Contains("line 4", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyClipFile_IsRejected()
    {
        var path = _directory.PathOf("bpe_simple_vocab_16e6.txt");
        File.WriteAllText(path, string.Empty);

        var error = Assert.Throws<TokenizerFormatException>(() => ClipTokenizer.Load(_directory.FullPath));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CorruptGzip_IsRejected()
    {
        var path = _directory.PathOf("bpe_simple_vocab_16e6.txt.gz");
        File.WriteAllBytes(path, [0x1f, 0x8b, .. Encoding.ASCII.GetBytes("not really gzip")]);

        var error = Assert.Throws<TokenizerFormatException>(() => ClipTokenizer.Load(_directory.FullPath));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConstructorMisuse_IsAnArgumentError()
    {
        var vocabulary = SmallVocabulary.Vocabulary();
        Assert.Throws<ArgumentException>(() => new ClipTokenizer(vocabulary, [new BpeMerge("t", "h"), new BpeMerge("t", "h")]));
        Assert.Throws<ArgumentException>(() => new ClipTokenizer(vocabulary, [new BpeMerge("t h", "e")]));
        Assert.Throws<ArgumentException>(() => new ClipTokenizer(vocabulary, [new BpeMerge(string.Empty, "e")]));
        vocabulary.Remove("<|endoftext|>");
        Assert.Throws<ArgumentException>(() => new ClipTokenizer(vocabulary, []));
    }
}
