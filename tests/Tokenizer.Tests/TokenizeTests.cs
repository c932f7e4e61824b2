using static VfeTps.Stream.Tokenizer.Tests.SmallVocabulary;

namespace VfeTps.Stream.Tokenizer.Tests;

public sealed class TokenizeTests
{
    private readonly ClipTokenizer _tokenizer = SmallVocabulary.Load();

    [Fact]
    public void Tokenize_WrapsIdsInSpecialsAndPadsWithZerosTo77()
    {
        var row = _tokenizer.Tokenize("the red");

        Assert.Equal(77, row.Length);
        Assert.Equal(new long[] { StartOfText, TheEnd, RedEnd, EndOfText }, row[..4]);
        Assert.All(row[4..], id => Assert.Equal(0, id));
    }

    [Fact]
    public void Tokenize_EmptyText_IsStartAndEndOnly()
    {
        Assert.Equal(new long[] { StartOfText, EndOfText, 0, 0 }, _tokenizer.Tokenize(string.Empty, 4));
    }

    [Fact]
    public void Tokenize_TooLongText_KeepsFirstTokensAndPutsEndOfTextLast()
    {
        var row = _tokenizer.Tokenize(string.Join(' ', Enumerable.Repeat("the", 100)));

        Assert.Equal(77, row.Length);
        Assert.Equal(StartOfText, row[0]);
        Assert.All(row[1..76], id => Assert.Equal(TheEnd, id));
        Assert.Equal(EndOfText, row[76]);
    }

    [Theory]
    [InlineData("the red", new long[] { StartOfText, TheEnd, RedEnd, EndOfText, 0 })]
    [InlineData("the red blue", new long[] { StartOfText, TheEnd, RedEnd, BlueEnd, EndOfText })] // fits exactly
    [InlineData("the red blue the", new long[] { StartOfText, TheEnd, RedEnd, BlueEnd, EndOfText })] // one too many
    [InlineData("the red blue the red blue", new long[] { StartOfText, TheEnd, RedEnd, BlueEnd, EndOfText })]
    public void Tokenize_AroundTheContextBoundary_FollowsTheReferenceRule(string text, long[] expected)
    {
        Assert.Equal(expected, _tokenizer.Tokenize(text, 5));
    }

    [Fact]
    public void Tokenize_IntoSpan_OverwritesEverySlot()
    {
        var row = new long[6];
        Array.Fill(row, -1);

        _tokenizer.Tokenize("red", row);

        Assert.Equal(new long[] { StartOfText, RedEnd, EndOfText, 0, 0, 0 }, row);
    }

    [Fact]
    public void TokenizeBatch_WritesRowMajorRowsEqualToSingleTokenize()
    {
        string[] texts = ["the red", "blue", string.Empty, "the red blue the red blue"];
        var destination = new long[texts.Length * 5];
        Array.Fill(destination, -7);

        _tokenizer.TokenizeBatch(texts, destination, 5);

        for (var row = 0; row < texts.Length; row++)
        {
            Assert.Equal(_tokenizer.Tokenize(texts[row], 5), destination.AsSpan(row * 5, 5).ToArray());
        }

        Assert.Equal(destination, _tokenizer.TokenizeBatch(texts, 5));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-5)]
    public void Tokenize_ContextShorterThanTwo_IsRejected(int contextLength)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _tokenizer.Tokenize("the", contextLength));
        Assert.Throws<ArgumentOutOfRangeException>(() => _tokenizer.TokenizeBatch(["the"], contextLength));
    }

    [Fact]
    public void TokenizeBatch_MisSizedDestinationOrNullText_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => _tokenizer.TokenizeBatch(["the", "red"], new long[9], 5));
        Assert.Throws<ArgumentException>(() => _tokenizer.TokenizeBatch(["the", null!], new long[10], 5));
        Assert.Throws<ArgumentException>(() => _tokenizer.Tokenize("the", new long[1]));
    }
}
