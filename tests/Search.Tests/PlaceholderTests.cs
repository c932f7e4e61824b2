namespace VfeTps.Stream.Search.Tests;

public sealed class PlaceholderTests
{
    [Fact]
    public void Builds() => Assert.True(true);
}
