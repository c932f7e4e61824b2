namespace VfeTps.Stream.Storage.Tests;

public sealed class BlobKeysTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("crops/lobby.12.0.jpg")]
    [InlineData("frames/gate-2/1764000000123.jpg")]
    [InlineData("a/b/c/d_e-f.g")]
    [InlineData("...")] // only the "." and ".." segments are special
    [InlineData("crops/.hidden")]
    public void Relative_paths_of_lower_case_segments_are_keys(string key)
    {
        Assert.True(BlobKeys.IsValid(key));
        BlobKeys.Validate(key);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/etc/passwd")] // absolute
    [InlineData("crops/")] // empty last segment
    [InlineData("crops//a.jpg")] // empty segment
    [InlineData("..")]
    [InlineData("crops/../../etc/passwd")]
    [InlineData("crops/./a.jpg")]
    [InlineData(".")]
    [InlineData("Crops/a.jpg")] // upper case
    [InlineData("crops/A.JPG")]
    [InlineData("crops\\a.jpg")] // a Windows separator
    [InlineData("crops/a b.jpg")]
    [InlineData("crops/a\0.jpg")]
    [InlineData("c:/a.jpg")]
    [InlineData("crops/é.jpg")]
    [InlineData("~/a.jpg")]
    public void Anything_else_is_not_a_key(string? key)
    {
        Assert.False(BlobKeys.IsValid(key));
        var error = Assert.Throws<ArgumentException>(() => BlobKeys.Validate(key));
        Assert.Contains("not a blob key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_length_limit_is_inclusive()
    {
        Assert.True(BlobKeys.IsValid(new string('a', BlobKeys.MaxLength)));
        Assert.False(BlobKeys.IsValid(new string('a', BlobKeys.MaxLength + 1)));
    }

    [Fact]
    public void The_pipeline_keys_are_valid_keys()
    {
        Assert.Equal("crops/lobby.12.0.jpg", BlobKeys.Crop("lobby.12.0"));
        Assert.Equal("frames/gate-2/1764000000123.jpg", BlobKeys.Frame("gate-2", 1_764_000_000_123));
        Assert.True(BlobKeys.IsValid(BlobKeys.Crop("lobby.12.0")));
        Assert.True(BlobKeys.IsValid(BlobKeys.Frame("gate-2", 1_764_000_000_123)));
    }
}
