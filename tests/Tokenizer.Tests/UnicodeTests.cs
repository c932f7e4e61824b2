namespace VfeTps.Stream.Tokenizer.Tests;

public sealed class UnicodeTests
{
    // "é" is UTF-8 C3 A9, whose byte symbols are "Ã" and "©"; merge ids start at 512.
    private readonly ClipTokenizer _tokenizer = ClipTokenizer.FromMerges(
    [
        new("c", "a"), new("ca", "f"), new("Ã", "©</w>"), new("caf", "Ã©</w>"),
    ]);

    [Theory]
    [InlineData("café")]
    [InlineData("naïve café")]
    [InlineData("猫が好き")]
    [InlineData("東京 タワー")]
    [InlineData("👍🏽")]
    [InlineData("🎉 party 🎉")]
    [InlineData("привет мир")]
    [InlineData("a man in a red shirt , 🙂 ; ok")]
    public void Decode_InvertsEncode(string text)
    {
        var ids = _tokenizer.Encode(text, out var unknown);

        Assert.Equal(0, unknown);
        Assert.Equal(text, _tokenizer.Decode(ids));
    }

    [Fact]
    public void AccentedCapitals_FoldToTheSameIdsAsLowerCase()
    {
        Assert.Equal(_tokenizer.Encode("café"), _tokenizer.Encode("CAFÉ"));
        Assert.Equal("café", _tokenizer.Decode(_tokenizer.Encode("CAFÉ")));
    }

    [Fact]
    public void Merges_ApplyToMultiByteSymbols()
    {
        // c a f Ã ©</w> -> ca f Ã ©</w> -> caf Ã ©</w> -> caf Ã©</w> -> cafÃ©</w>, the fourth merge.
        Assert.Equal(new[] { 512 + 3 }, _tokenizer.Encode("café"));
        Assert.Equal(new[] { 512 + 3 }, _tokenizer.Encode("CAFÉ"));
    }

    [Fact]
    public void LoneSurrogate_NeverThrowsAndDecodesToReplacementCharacter()
    {
        var ids = _tokenizer.Encode("a\uD83Db");

        Assert.Equal("a \uFFFD b", _tokenizer.Decode(ids));
    }

    [Fact]
    public void RandomText_NeverThrowsAndNeverHasUnknownSymbols()
    {
        var random = new Random(1234);
        (int From, int To)[] ranges = [(0, 0x7F), (0x80, 0x2FF), (0x3040, 0x30FF), (0x4E00, 0x9FFF), (0xD800, 0xDFFF), (0xFFF0, 0xFFFF)];
        for (var sample = 0; sample < 500; sample++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 40)).Select(_ =>
            {
                var (from, to) = ranges[random.Next(ranges.Length)];
                return (char)random.Next(from, to + 1);
            })]);

            _tokenizer.Encode(text, out var unknown);
            Assert.Equal(0, unknown);
            _ = _tokenizer.Decode(_tokenizer.Encode(text));
            Assert.Equal(77, _tokenizer.Tokenize(text).Length);
        }
    }
}
