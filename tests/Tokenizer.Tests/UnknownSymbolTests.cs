using static VfeTps.Stream.Tokenizer.Tests.SmallVocabulary;

namespace VfeTps.Stream.Tokenizer.Tests;

/// <summary>The documented policy: split unknown merged symbols back into known pieces; skip and count unknown bytes.</summary>
public sealed class UnknownSymbolTests
{
    private readonly ClipTokenizer _tokenizer = SmallVocabulary.Load();

    [Fact]
    public void MergedSymbolMissingFromVocabulary_FallsBackToItsPieces()
    {
        // "shed": s h e d</w> -> "s h" merges into "sh", which vocab.json lacks -> s, h.
        var ids = _tokenizer.Encode("shed", out var unknown);

        Assert.Equal(new[] { S, H, E, DEnd }, ids);
        Assert.Equal(0, unknown);
    }

    [Fact]
    public void ByteSymbolMissingFromVocabulary_IsSkippedAndCounted()
    {
        // "thx": t h x</w> -> th x</w>; "x</w>" is not in the vocabulary.
        Assert.Equal(new[] { Th }, _tokenizer.Encode("thx", out var unknown));
        Assert.Equal(1, unknown);

        Assert.Empty(_tokenizer.Encode("zzz", out unknown));
        Assert.Equal(3, unknown);
    }

    [Fact]
    public void UnknownCount_AddsUpOverWordsAndStaysCorrectFromTheCache()
    {
        Assert.Equal(new[] { TheEnd, TheEnd }, _tokenizer.Encode("the qq the q", out var unknown));
        Assert.Equal(3, unknown);

        _tokenizer.Encode("the qq the q", out var again);
        Assert.Equal(3, again);
    }

    [Fact]
    public void Tokenize_WithUnknownSymbols_NeverThrowsAndSkipsThem()
    {
        var row = _tokenizer.Tokenize("the ☃ red", 6);

        Assert.Equal(new long[] { StartOfText, TheEnd, RedEnd, EndOfText, 0, 0 }, row);
    }
}
