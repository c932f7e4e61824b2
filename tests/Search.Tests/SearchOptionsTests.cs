using Microsoft.Extensions.Options;

namespace VfeTps.Stream.Search.Tests;

public sealed class SearchOptionsTests(SearchFixture data)
{
    [Fact]
    public void The_defaults_are_valid_and_as_documented()
    {
        var options = new SearchOptions();

        Assert.Empty(options.Validate());
        Assert.Equal((1000, 200, TimeSpan.FromDays(366)), (options.MaxQueryCharacters, options.MaxResults, options.MaxTimeRange));
    }

    [Theory]
    [InlineData("MaxQueryCharacters", "0", "MaxQueryCharacters must be positive")]
    [InlineData("MaxResults", "0", "MaxResults must be between 1 and 1000")]
    [InlineData("MaxResults", "5000", "MaxResults must be between 1 and 1000")]
    [InlineData("MaxResults", "10", "at least 20, the default k")]
    [InlineData("MaxTimeRange", "-1.00:00:00", "MaxTimeRange must be positive")]
    [InlineData("FrameJpegQuality", "101", "FrameJpegQuality must be between 1 and 100")]
    [InlineData("MaxRequestBodyBytes", "10", "MaxRequestBodyBytes must be at least 1024")]
    public async Task A_host_with_invalid_search_options_does_not_start(string setting, string value, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(
            () => SearchServer.StartAsync(data, settings: new Dictionary<string, string?> { [$"Search:{setting}"] = value }));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
