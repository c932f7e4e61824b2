using Microsoft.Extensions.Options;

namespace VfeTps.Stream.Inference.Tests;

public sealed class InferenceOptionsTests
{
    public static TheoryData<string, string> InvalidSettings => new()
    {
        { "negative device", "CudaDeviceId must not be negative (got -1)" },
        { "negative threads", "IntraOpThreads must not be negative" },
        { "zero batch", "MaxBatchSize must be positive (got 0)" },
        { "zero query characters", "MaxQueryCharacters must be positive (got 0)" },
        { "negative query characters", "MaxQueryCharacters must be positive (got -5)" },
        { "unknown provider", "ExecutionProvider must be Auto, Cpu or Cuda (got 7)" },
        { "unknown optimisation", "GraphOptimization must be Disabled, Basic, Extended or All (got 9)" },
    };

    [Fact]
    public void The_defaults_are_auto_all_optimisations_onnx_runtimes_thread_count_and_a_thousand_query_characters()
    {
        var options = new InferenceOptions();

        Assert.Equal(ExecutionProviderPreference.Auto, options.ExecutionProvider);
        Assert.Equal(0, options.CudaDeviceId);
        Assert.Equal(0, options.IntraOpThreads);
        Assert.Equal(GraphOptimization.All, options.GraphOptimization);
        Assert.Equal(32, options.MaxBatchSize);
        Assert.Equal(1000, options.MaxQueryCharacters);
        Assert.Empty(options.Validate());
        Assert.True(new InferenceOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void An_invalid_setting_is_refused_by_name(string setting, string expected)
    {
        var options = Invalid(setting);

        Assert.Contains(expected, Assert.Single(options.Validate()), StringComparison.Ordinal);
        var result = new InferenceOptionsValidator().Validate(Options.DefaultName, options);
        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
        var error = Assert.Throws<ArgumentException>(() => new ModelBundleLoader(options));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_loader_keeps_its_own_copy_of_the_options()
    {
        var options = new InferenceOptions { MaxBatchSize = 4 };
        var loader = new ModelBundleLoader(options);

        options.MaxBatchSize = 0;
        loader.Options.MaxBatchSize = 0;

        Assert.Equal(4, loader.Options.MaxBatchSize);
    }

    [Fact]
    public void A_loader_takes_options_from_the_options_pattern()
    {
        var loader = new ModelBundleLoader(Options.Create(new InferenceOptions { MaxBatchSize = 8, ExecutionProvider = ExecutionProviderPreference.Cpu }));

        Assert.Equal(8, loader.Options.MaxBatchSize);
        Assert.Equal(ExecutionProviderPreference.Cpu, loader.Options.ExecutionProvider);
    }

    private static InferenceOptions Invalid(string setting) => setting switch
    {
        "negative device" => new InferenceOptions { CudaDeviceId = -1 },
        "negative threads" => new InferenceOptions { IntraOpThreads = -2 },
        "zero batch" => new InferenceOptions { MaxBatchSize = 0 },
        "zero query characters" => new InferenceOptions { MaxQueryCharacters = 0 },
        "negative query characters" => new InferenceOptions { MaxQueryCharacters = -5 },
        "unknown provider" => new InferenceOptions { ExecutionProvider = (ExecutionProviderPreference)7 },
        "unknown optimisation" => new InferenceOptions { GraphOptimization = (GraphOptimization)9 },
        _ => throw new ArgumentOutOfRangeException(nameof(setting), setting, null),
    };
}
