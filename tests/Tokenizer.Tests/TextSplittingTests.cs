using static VfeTps.Stream.Tokenizer.Tests.SmallVocabulary;

namespace VfeTps.Stream.Tokenizer.Tests;

/// <summary>Clean-up and pre-tokenizing: whitespace, case, punctuation, contractions and digits.</summary>
public sealed class TextSplittingTests
{
    private readonly ClipTokenizer _small = SmallVocabulary.Load();

    // With no merges, CLIP's layout gives every printable ASCII byte c the id c - 33, and c - 33 + 256 at a word end.
    private readonly ClipTokenizer _bytesOnly = ClipTokenizer.FromMerges([]);

    [Theory]
    [InlineData("  THE\t\tRed \n BLUE  ")]
    [InlineData("the    red blue")]
    [InlineData("The Red Blue")]
    [InlineData("\u00A0the\u2003red\r\nblue\u3000")]
    public void WhitespaceAndCase_DoNotChangeIds(string text)
    {
        Assert.Equal(new[] { TheEnd, RedEnd, BlueEnd }, _small.Encode(text));
        Assert.Equal(_small.Tokenize("the red blue"), _small.Tokenize(text));
    }

    [Theory]
    [InlineData("red,blue")]
    [InlineData("red, blue")]
    [InlineData("red ,blue")]
    public void Punctuation_IsItsOwnWord(string text)
    {
        Assert.Equal(new[] { RedEnd, CommaEnd, BlueEnd }, _small.Encode(text));
        Assert.Equal("red , blue", _small.Decode(_small.Encode(text)));
    }

    [Fact]
    public void Contractions_SplitOffAsInTheReference()
    {
        // "it's" -> "it" + "'s": i=105-33, t</w>=116-33+256, '=39-33, s</w>=115-33+256.
        Assert.Equal(new[] { 72, 339, 6, 338 }, _bytesOnly.Encode("it's"));
        Assert.Equal("it 's", _bytesOnly.Decode(_bytesOnly.Encode("IT'S")));
    }

    [Fact]
    public void Digits_AreSplitOneByOne()
    {
        // Each digit is its own word: '2'</w> = 50-33+256, '0'</w> = 48-33+256, '4'</w> = 52-33+256.
        Assert.Equal(new[] { 273, 271, 273, 275 }, _bytesOnly.Encode("2024"));
    }

    [Fact]
    public void PunctuationRuns_StayTogether()
    {
        // "?!" is one word: ?=63-33, !</w>=33-33+256.
        Assert.Equal(new[] { 30, 256 }, _bytesOnly.Encode("?!"));
    }

    [Theory]
    [InlineData("é", new[] { 127, 358 })] // UTF-8 C3 A9: printable Latin-1 bytes, ids 106+(195-174) and 94+(169-161)+256
    [InlineData("\u0001", new[] { 189 + 256 })] // byte 1 is the 2nd non-printable byte: 188+1, word end
    [InlineData("\u00AD", new[] { 126, 255 + 256 })] // soft hyphen C2 AD: 173 is the last non-printable byte
    public void ByteSymbols_FollowClipsByteToUnicodeTable(string text, int[] expected)
    {
        Assert.Equal(expected, _bytesOnly.Encode(text));
    }

    [Fact]
    public void InformationSeparators_AreTrimmedAtTheEndsLikePythonStrip_ButKeptInside()
    {
        // Python's strip() drops U+001C..U+001F while its \s does not collapse them.
        Assert.Equal(_bytesOnly.Encode("a"), _bytesOnly.Encode("\u001C a \u001F"));

        // Inside, U+001C (byte 28, the 29th non-printable byte: id 188+28) is a punctuation word.
        Assert.Equal(new[] { 'a' - 33 + 256, 188 + 28 + 256, 'b' - 33 + 256 }, _bytesOnly.Encode("a\u001Cb"));
    }

    [Fact]
    public void BytesOnlyLayout_HasSpecialsAfterThe512ByteSymbols()
    {
        Assert.Equal(512, _bytesOnly.StartOfTextId);
        Assert.Equal(513, _bytesOnly.EndOfTextId);
        Assert.Equal(514, _bytesOnly.VocabularySize);
    }
}
