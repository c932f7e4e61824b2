using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace VfeTps.Stream.Inference.Tests;

/// <summary>The choice logic, with the CUDA attempt replaced by stand-ins that fail or succeed on demand.</summary>
public sealed class ExecutionProviderSelectorTests
{
    private static readonly bool DriverPresent = CudaEnvironment.DriverPresent;

    public static TheoryData<string> LoadFailures => ["DllNotFoundException", "EntryPointNotFoundException", "OnnxRuntimeException"];

    [Theory]
    [MemberData(nameof(LoadFailures))]
    public void Auto_falls_back_to_the_cpu_when_cuda_cannot_load_and_says_why(string failure)
    {
        var logger = new RecordingLogger();
        var selector = new ExecutionProviderSelector((_, _) => throw LoadFailure(failure), logger);

        using var configuration = selector.Configure(new InferenceOptions { ExecutionProvider = ExecutionProviderPreference.Auto });

        Assert.Equal(ExecutionProvider.Cpu, configuration.Provider);
        Assert.Contains("Auto fell back to the CPU because the CUDA execution provider could not be loaded", configuration.Reason, StringComparison.Ordinal);
        Assert.Contains(failure, configuration.Reason, StringComparison.Ordinal);
        var entry = Assert.Single(logger.Entries);
        Assert.Equal(DriverPresent ? LogLevel.Warning : LogLevel.Information, entry.Level);
        Assert.Contains("ONNX Runtime execution provider: Cpu", entry.Message, StringComparison.Ordinal);
        Assert.Contains(configuration.Reason, entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Auto_uses_cuda_when_it_loads()
    {
        var logger = new RecordingLogger();
        var devices = new List<int>();
        var selector = new ExecutionProviderSelector((_, device) => devices.Add(device), logger);

        using var configuration = selector.Configure(new InferenceOptions { ExecutionProvider = ExecutionProviderPreference.Auto, CudaDeviceId = 3 });

        Assert.Equal(ExecutionProvider.Cuda, configuration.Provider);
        Assert.Equal([3], devices);
        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Contains("ONNX Runtime execution provider: Cuda, CUDA device 3 (Auto: the CUDA provider loaded)", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cpu_never_touches_cuda()
    {
        var logger = new RecordingLogger();
        var attempts = 0;
        var selector = new ExecutionProviderSelector((_, _) => attempts++, logger);

        using var configuration = selector.Configure(new InferenceOptions { ExecutionProvider = ExecutionProviderPreference.Cpu });

        Assert.Equal(ExecutionProvider.Cpu, configuration.Provider);
        Assert.Equal(0, attempts);
        Assert.Contains("ONNX Runtime execution provider: Cpu, configured", Assert.Single(logger.Entries).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cuda_demanded_and_unavailable_is_a_clear_error()
    {
        var cause = new DllNotFoundException("libcudart.so.13: cannot open shared object file (stand-in)");
        var selector = new ExecutionProviderSelector((_, _) => throw cause);

        var error = Assert.Throws<ExecutionProviderUnavailableException>(
            () => selector.Configure(new InferenceOptions { ExecutionProvider = ExecutionProviderPreference.Cuda }));

        Assert.StartsWith("ExecutionProvider is Cuda, but the CUDA execution provider could not be loaded", error.Message, StringComparison.Ordinal);
        Assert.Contains("libcudart.so.13: cannot open shared object file (stand-in)", error.Message, StringComparison.Ordinal);
        Assert.Same(cause, error.InnerException);
    }

    [Fact]
    public void Cuda_demanded_and_available_is_used()
    {
        var selector = new ExecutionProviderSelector((_, _) => { });

        using var configuration = selector.Configure(new InferenceOptions { ExecutionProvider = ExecutionProviderPreference.Cuda });

        Assert.Equal(ExecutionProvider.Cuda, configuration.Provider);
        Assert.Contains("configured", configuration.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_errors_are_not_mistaken_for_a_missing_provider()
    {
        var selector = new ExecutionProviderSelector((_, _) => throw new InvalidOperationException("a bug"));

        Assert.Throws<InvalidOperationException>(() => selector.Configure(new InferenceOptions()));
    }

    [Fact]
    public void Thread_and_optimisation_settings_reach_the_session_options()
    {
        var selector = new ExecutionProviderSelector((_, _) => throw new DllNotFoundException("no CUDA (stand-in)"));

        using var configuration = selector.Configure(new InferenceOptions { IntraOpThreads = 2, GraphOptimization = GraphOptimization.Basic });

        Assert.Equal(2, configuration.Options.IntraOpNumThreads);
        Assert.Equal(GraphOptimizationLevel.ORT_ENABLE_BASIC, configuration.Options.GraphOptimizationLevel);
    }

    [Theory]
    [InlineData(GraphOptimization.Disabled, GraphOptimizationLevel.ORT_DISABLE_ALL)]
    [InlineData(GraphOptimization.Basic, GraphOptimizationLevel.ORT_ENABLE_BASIC)]
    [InlineData(GraphOptimization.Extended, GraphOptimizationLevel.ORT_ENABLE_EXTENDED)]
    [InlineData(GraphOptimization.All, GraphOptimizationLevel.ORT_ENABLE_ALL)]
    public void Every_optimisation_level_maps_to_onnx_runtimes(GraphOptimization level, GraphOptimizationLevel expected)
    {
        using var configuration = new ExecutionProviderSelector().Configure(
            new InferenceOptions { ExecutionProvider = ExecutionProviderPreference.Cpu, GraphOptimization = level });

        Assert.Equal(expected, configuration.Options.GraphOptimizationLevel);
    }

    [Theory]
    [InlineData(GraphOptimization.Disabled)]
    [InlineData(GraphOptimization.Extended)]
    public void A_bundle_serves_the_same_embeddings_at_every_optimisation_level(GraphOptimization level)
    {
        using var temp = new TempDirectory();
        var path = temp.PathOf("bundle");
        TestBundle.Write(path);
        var crops = TestBundle.Crops(3);
        using var reference = TestBundle.Load(path);
        var options = TestBundle.CpuOptions();
        options.GraphOptimization = level;
        using var bundle = ModelBundle.Load(path, options);

        Vectors.AssertClose(reference.ImageEncoder.EmbedBatch(crops).Values, bundle.ImageEncoder.EmbedBatch(crops).Values, 1e-5);
    }

    [Fact]
    public void Auto_falls_back_to_the_cpu_when_cuda_loads_but_cannot_open_the_towers()
    {
        using var temp = new TempDirectory();
        var path = temp.PathOf("bundle");
        TestBundle.Write(path);
        var logger = new RecordingLogger();

        // The stand-in "CUDA" makes session creation fail: ONNX Runtime cannot write the optimised
        // model to a folder that does not exist.
        var selector = new ExecutionProviderSelector(
            (options, _) => options.OptimizedModelFilePath = temp.PathOf("no-such-folder/optimised.onnx"), logger);
        var loader = new ModelBundleLoader(new InferenceOptions { ExecutionProvider = ExecutionProviderPreference.Auto }, logger, selector);

        using var bundle = loader.Load(path);

        Assert.Equal(ExecutionProvider.Cpu, bundle.ExecutionProvider);
        Assert.Contains(logger.Entries, entry => entry.Level == LogLevel.Warning
            && entry.Message.Contains("on CUDA failed", StringComparison.Ordinal)
            && entry.Message.Contains("Auto falls back to the CPU", StringComparison.Ordinal));
    }

    [Fact]
    public void Cuda_demanded_that_cannot_open_the_towers_refuses_the_bundle()
    {
        using var temp = new TempDirectory();
        var path = temp.PathOf("bundle");
        TestBundle.Write(path);
        var selector = new ExecutionProviderSelector((options, _) => options.OptimizedModelFilePath = temp.PathOf("no-such-folder/optimised.onnx"));
        var loader = new ModelBundleLoader(new InferenceOptions { ExecutionProvider = ExecutionProviderPreference.Cuda }, selector: selector);

        var error = Assert.Throws<ModelBundleException>(() => loader.Load(path));

        Assert.Equal(BundleCheckStage.Sessions, error.Stage);
    }

    private static Exception LoadFailure(string kind) => kind switch
    {
        "DllNotFoundException" => new DllNotFoundException("libcublasLt.so.13: cannot open shared object file (stand-in)"),
        "EntryPointNotFoundException" => new EntryPointNotFoundException("OrtSessionOptionsAppendExecutionProvider_CUDA (stand-in)"),
        _ => RealOnnxRuntimeException(),
    };

    // OnnxRuntimeException has no public constructor: make ONNX Runtime throw a real one.
    private static OnnxRuntimeException RealOnnxRuntimeException()
    {
        try
        {
            using var session = new InferenceSession(new byte[] { 1, 2, 3 });
        }
        catch (OnnxRuntimeException error)
        {
            return error;
        }
        throw new InvalidOperationException("ONNX Runtime accepted three bytes as a model.");
    }
}
