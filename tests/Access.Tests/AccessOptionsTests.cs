using Microsoft.Extensions.Options;

namespace VfeTps.Stream.Access.Tests;

/// <summary>Options validation: defaults are valid; each bad setting is named in a clear message, and stops the start.</summary>
public sealed class AccessOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_and_as_documented()
    {
        var options = new AccessOptions();

        Assert.Empty(options.Validate());
        Assert.Equal(
            (210_000, TimeSpan.FromHours(8), TimeSpan.FromHours(12), 5, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(15), 60, 20, (string?)null),
            (options.PasswordIterations, options.SessionIdleTimeout, options.SessionLifetime, options.LoginMaxFailures, options.LoginFailureWindow,
                options.LoginLockout, options.LoginMaxLockout, options.SearchRequestsPerMinute, options.SearchBurst, options.BootstrapAdminPassword));
    }

    [Theory]
    [InlineData(nameof(AccessOptions.PasswordIterations), "99999")]
    [InlineData(nameof(AccessOptions.SessionIdleTimeout), "00:00:10")]
    [InlineData(nameof(AccessOptions.SessionLifetime), "00:00:00")]
    [InlineData(nameof(AccessOptions.SessionLifetime), "31.00:00:00")]
    [InlineData(nameof(AccessOptions.LoginFailureWindow), "2.00:00:00")]
    [InlineData(nameof(AccessOptions.LoginMaxFailures), "0")]
    [InlineData(nameof(AccessOptions.LoginFailureWindow), "-00:01:00")]
    [InlineData(nameof(AccessOptions.LoginLockout), "00:00:00")]
    [InlineData(nameof(AccessOptions.LoginMaxLockout), "00:00:30")]
    [InlineData(nameof(AccessOptions.LoginMaxLockout), "10675199.00:00:00")]
    [InlineData(nameof(AccessOptions.LoginThrottleMaxTracked), "5")]
    [InlineData(nameof(AccessOptions.SearchRequestsPerMinute), "0")]
    [InlineData(nameof(AccessOptions.SearchRequestsPerMinute), "100000")]
    [InlineData(nameof(AccessOptions.SearchBurst), "0")]
    [InlineData(nameof(AccessOptions.BootstrapAdminPassword), "short")]
    public async Task A_bad_setting_stops_the_start_naming_it(string setting, string value)
    {
        using var directory = new TempDirectory();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(
            () => AccessTestServer.StartAsync(directory, new Dictionary<string, string?> { [$"Access:{setting}"] = value }));

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith(setting, failure, StringComparison.Ordinal);
    }
}
