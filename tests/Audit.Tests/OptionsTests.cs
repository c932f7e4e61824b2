using Microsoft.Extensions.Options;

namespace VfeTps.Stream.Audit.Tests;

public sealed class OptionsTests
{
    [Theory]
    [InlineData("MaxValueCharacters", "10")]
    [InlineData("MaxDetailEntries", "0")]
    [InlineData("MaxFilterCharacters", "1")]
    [InlineData("RetentionBatchSize", "0")]
    public void Invalid_options_stop_the_trail_from_starting_and_name_the_setting(string setting, string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() =>
            new AuditTrailForTests(new Dictionary<string, string?> { [$"Audit:{setting}"] = value }));

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.Empty(new AuditOptions().Validate());
    }
}
