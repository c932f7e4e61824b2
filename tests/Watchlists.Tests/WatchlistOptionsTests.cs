using Microsoft.Extensions.Options;

namespace VfeTps.Stream.Watchlists.Tests;

/// <summary>Settings that cannot work stop the host at start, each problem named.</summary>
public sealed class WatchlistOptionsTests(WatchlistModel model) : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void TheDefaultsAreValid()
    {
        Assert.Empty(new WatchlistOptions().Validate());
        Assert.Equal(5, new WatchlistOptions().MaxSubscribersPerActor);
    }

    [Theory]
    [InlineData("CalibrationWindow", "100", "CalibrationWindow")] // below MinCalibrationCrops (200)
    [InlineData("CalibrationWindow", "100001", "CalibrationWindow")]
    [InlineData("MinCalibrationCrops", "1", "MinCalibrationCrops")]
    [InlineData("MinStandardDeviation", "0", "MinStandardDeviation")]
    [InlineData("MinStandardDeviation", "NaN", "MinStandardDeviation")]
    [InlineData("DefaultThreshold", "0.1", "DefaultThreshold")]
    [InlineData("MaxWatchlists", "0", "MaxWatchlists")]
    [InlineData("FeedCapacity", "0", "FeedCapacity")]
    [InlineData("MaxRequestBodyBytes", "10", "MaxRequestBodyBytes")]
    [InlineData("PingInterval", "00:00:00", "PingInterval")]
    [InlineData("MaxSubscribersPerActor", "0", "MaxSubscribersPerActor")]
    public async Task AnInvalidSettingStopsTheHostNamingIt(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?> { [$"Watchlists:{key}"] = value };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => WatchlistHost.StartAsync(model, _folder, settings));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
