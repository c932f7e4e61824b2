using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace VfeTps.Stream.Embedder.Tests;

/// <summary>The Embedder's options go through the options pipeline: a bad value stops the host at start, saying which.</summary>
public sealed class EmbedderOptionsTests(RealModel model)
{
    [Theory]
    [InlineData("MaxBatchSize", "0")]
    [InlineData("MaxBatchSize", "-1")]
    [InlineData("MaxBatchSize", "1025")]
    [InlineData("MaxBatchDelay", "-00:00:01")]
    [InlineData("MaxBatchDelay", "00:01:01")]
    [InlineData("DecodeParallelism", "0")]
    [InlineData("DecodeParallelism", "65")]
    public async Task An_invalid_setting_is_refused_at_start(string setting, string value)
    {
        await using var site = await EmbedderSite.CreateAsync(model, new Dictionary<string, string?> { [$"Embedder:{setting}"] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => site.Host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_defaults_start()
    {
        await using var site = await EmbedderSite.CreateAsync(model, new Dictionary<string, string?>());

        await site.Host.StartAsync(TestContext.Current.CancellationToken);

        var options = site.Host.Services.GetRequiredService<IOptions<EmbedderOptions>>();
        Assert.Equal(32, options.Value.MaxBatchSize);
        Assert.Equal(TimeSpan.FromMilliseconds(100), options.Value.MaxBatchDelay);
    }

    [Fact]
    public async Task Settings_are_bound_from_the_Embedder_section()
    {
        await using var site = await EmbedderSite.CreateAsync(model, new Dictionary<string, string?>
        {
            ["Embedder:MaxBatchSize"] = "8",
            ["Embedder:MaxBatchDelay"] = "00:00:00.250",
            ["Embedder:DecodeParallelism"] = "3",
        });

        await site.Host.StartAsync(TestContext.Current.CancellationToken);

        var options = site.Host.Services.GetRequiredService<IOptions<EmbedderOptions>>().Value;
        Assert.Equal((8, TimeSpan.FromMilliseconds(250), 3), (options.MaxBatchSize, options.MaxBatchDelay, options.DecodeParallelism));
    }
}
