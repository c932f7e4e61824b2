using static VfeTps.Stream.Tokenizer.Tests.SmallVocabulary;

namespace VfeTps.Stream.Tokenizer.Tests;

public sealed class EncodeTests
{
    private readonly ClipTokenizer _tokenizer = SmallVocabulary.Load();

    [Theory]
    [InlineData("the", new[] { TheEnd })] // t h e</w> -> th e</w> -> the</w>
    [InlineData("red", new[] { RedEnd })] // r e d</w> -> re d</w> -> red</w>
    [InlineData("blue", new[] { BlueEnd })] // b l u e</w> -> bl u e</w> -> blu e</w> -> blue</w>
    [InlineData("the red blue", new[] { TheEnd, RedEnd, BlueEnd })]
    public void Encode_KnownWords_GivesIdsFromTheVocabularyFile(string text, int[] expected)
    {
        Assert.Equal(expected, _tokenizer.Encode(text));
    }

    [Fact]
    public void Encode_WordEndMatters_MergeWithWordEndSymbolDoesNotApplyMidWord()
    {
        // "there": t h e r e</w> -> th e r e</w>; "th e</w>" needs e</w>, so "th e" stays apart.
        Assert.Equal(new[] { Th, E, R, EEnd }, _tokenizer.Encode("there"));
    }

    [Fact]
    public void Encode_LowestRankPairMergesFirst_NotTheLeftmostPair()
    {
        // "reed": r e e d</w>; "e e" (rank 2) beats "r e" (rank 3) although "r e" comes first.
        Assert.Equal(new[] { R, Ee, DEnd }, _tokenizer.Encode("reed"));
    }

    [Fact]
    public void Encode_MergesEveryOccurrenceOfThePairLeftToRight()
    {
        // "eeeee": e e e e e</w> -> ee ee e</w> (non-overlapping, left to right).
        Assert.Equal(new[] { Ee, Ee, EEnd }, _tokenizer.Encode("eeeee"));
    }

    [Fact]
    public void Encode_SpecialMarkersInText_MapToTheirOwnIds()
    {
        Assert.Equal(new[] { TheEnd, EndOfText, RedEnd }, _tokenizer.Encode("the<|endoftext|>red"));
        Assert.Equal(new[] { StartOfText }, _tokenizer.Encode("<|STARTOFTEXT|>"));
    }

    [Fact]
    public void Encode_EmptyOrWhitespaceText_GivesNoIds()
    {
        Assert.Empty(_tokenizer.Encode(string.Empty));
        Assert.Empty(_tokenizer.Encode(" \t\n "));
    }

    [Fact]
    public void Properties_ComeFromTheVocabularyFile()
    {
        Assert.Equal(StartOfText, _tokenizer.StartOfTextId);
        Assert.Equal(EndOfText, _tokenizer.EndOfTextId);
        Assert.Equal(EndOfText + 1, _tokenizer.VocabularySize);
        Assert.Equal(MergeLines, _tokenizer.Merges.Select(merge => merge.ToString()));
        Assert.Equal(77, ClipTokenizer.DefaultContextLength);
    }

    [Fact]
    public void Decode_DropsSpecialsAndTurnsWordEndsIntoSpaces()
    {
        Assert.Equal("the red", _tokenizer.Decode([StartOfText, TheEnd, RedEnd, EndOfText]));
        Assert.Equal("there", _tokenizer.Decode([Th, E, R, EEnd]));
    }

    [Fact]
    public void Decode_IdOutsideTheVocabulary_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _tokenizer.Decode([TheEnd, 99]));
        Assert.Throws<ArgumentOutOfRangeException>(() => _tokenizer.Decode([-1]));
    }

    [Fact]
    public void NullArguments_AreRejected()
    {
        Assert.Throws<ArgumentNullException>(() => _tokenizer.Encode(null!));
        Assert.Throws<ArgumentNullException>(() => _tokenizer.Encode(null!, out _));
        Assert.Throws<ArgumentNullException>(() => _tokenizer.Tokenize(null!));
        Assert.Throws<ArgumentNullException>(() => _tokenizer.Decode(null!));
    }
}
