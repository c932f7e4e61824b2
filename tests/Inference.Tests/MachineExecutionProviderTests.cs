using Microsoft.Extensions.Logging;

namespace VfeTps.Stream.Inference.Tests;

/// <summary>
/// The real CUDA attempt on the machine the tests run on. Without an NVIDIA driver (the project's
/// own machines and CI) Auto must fall back to the CPU, say why, and serve; demanding CUDA must fail
/// clearly. With a driver (<see cref="CudaEnvironment.DriverPresent"/>) Auto and Cuda must both get CUDA, so a
/// GPU site whose CUDA libraries are missing fails here instead of silently serving on the CPU.
/// </summary>
public sealed class MachineExecutionProviderTests : IDisposable
{
    private static readonly bool DriverPresent = CudaEnvironment.DriverPresent;

    private readonly TempDirectory _temp = new();
    private readonly string _path;

    public MachineExecutionProviderTests()
    {
        _path = _temp.PathOf("bundle");
        TestBundle.Write(_path);
    }

    public void Dispose() => _temp.Dispose();

    // The CPU gives the CPU's numbers exactly. ONNX Runtime's CUDA provider multiplies matrices in
    // TF32 on Ampere and later GPUs: the project's bar for CUDA against the CPU is ParityResult's.
    private static void AssertMatchesCpu(ReadOnlySpan<float> onCpu, ReadOnlySpan<float> actual, ExecutionProvider provider)
    {
        if (provider == ExecutionProvider.Cpu)
        {
            Vectors.AssertClose(onCpu, actual, 1e-6);
            return;
        }
        var parity = ParityResult.Compare(onCpu, actual, TestBundle.EmbeddingSize);
        Assert.True(
            parity.Within(ParityResult.MaxAllowedDifferenceTf32, ParityResult.MinAllowedCosineTf32),
            $"CUDA against the CPU: {parity}; allowed max |Δ| {ParityResult.MaxAllowedDifferenceTf32}, min cosine {ParityResult.MinAllowedCosineTf32}.");
    }

    [Fact]
    public void Auto_chooses_what_this_machine_supports_logs_why_and_serves()
    {
        var logger = new RecordingLogger();
        var crops = TestBundle.Crops(4);

        using var bundle = ModelBundle.Load(_path, new InferenceOptions { ExecutionProvider = ExecutionProviderPreference.Auto }, logger);
        using var onCpu = TestBundle.Load(_path);

        var choice = Assert.Single(logger.Entries, entry => entry.Message.StartsWith("ONNX Runtime execution provider:", StringComparison.Ordinal));
        if (DriverPresent)
        {
            Assert.True(
                bundle.ExecutionProvider == ExecutionProvider.Cuda,
                $"An NVIDIA driver is present, but Auto chose {bundle.ExecutionProvider}: {choice.Message}");
            Assert.Equal(LogLevel.Information, choice.Level);
        }
        else
        {
            Assert.Equal(ExecutionProvider.Cpu, bundle.ExecutionProvider);
            Assert.Equal(LogLevel.Information, choice.Level);
            Assert.Contains("Auto fell back to the CPU because the CUDA execution provider could not be loaded", choice.Message, StringComparison.Ordinal);
            Assert.Contains("No NVIDIA driver is loaded", choice.Message, StringComparison.Ordinal);
            Assert.Contains("libcuda.so.1 (NVIDIA driver)", choice.Message, StringComparison.Ordinal);
        }

        AssertMatchesCpu(onCpu.ImageEncoder.EmbedBatch(crops).Values, bundle.ImageEncoder.EmbedBatch(crops).Values, bundle.ExecutionProvider);
        AssertMatchesCpu(onCpu.TextEncoder.EmbedBatch(TestBundle.Texts).Values, bundle.TextEncoder.EmbedBatch(TestBundle.Texts).Values, bundle.ExecutionProvider);
    }

    [Fact]
    public async Task The_chosen_provider_serves_concurrent_calls_identically()
    {
        var crops = TestBundle.Crops(6);
        using var bundle = ModelBundle.Load(_path, new InferenceOptions { ExecutionProvider = ExecutionProviderPreference.Auto, MaxBatchSize = 4 });
        var expectedImages = bundle.ImageEncoder.EmbedBatch(crops).Values;
        var expectedTexts = bundle.TextEncoder.EmbedBatch(TestBundle.Texts).Values;
        using var start = new Barrier(4);

        var workers = Enumerable.Range(0, 4).Select(_ => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            for (var iteration = 0; iteration < 10; iteration++)
            {
                Vectors.AssertClose(expectedImages, bundle.ImageEncoder.EmbedBatch(crops).Values, 1e-6);
                Vectors.AssertClose(expectedTexts, bundle.TextEncoder.EmbedBatch(TestBundle.Texts).Values, 1e-6);
            }
        }, TestContext.Current.CancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();

        await Task.WhenAll(workers);
    }

    [Fact]
    public void Cuda_demanded_is_used_with_a_driver_and_a_clear_error_without()
    {
        var options = new InferenceOptions { ExecutionProvider = ExecutionProviderPreference.Cuda };
        if (DriverPresent)
        {
            using var bundle = ModelBundle.Load(_path, options);
            Assert.Equal(ExecutionProvider.Cuda, bundle.ExecutionProvider);
            Assert.Equal(TestBundle.EmbeddingSize, bundle.TextEncoder.Embed("a man in a blue jacket").Length);
        }
        else
        {
            var error = Assert.Throws<ExecutionProviderUnavailableException>(() => ModelBundle.Load(_path, options));
            Assert.StartsWith("ExecutionProvider is Cuda, but the CUDA execution provider could not be loaded", error.Message, StringComparison.Ordinal);
            Assert.Contains("libcuda.so.1 (NVIDIA driver)", error.Message, StringComparison.Ordinal);
            Assert.NotNull(error.InnerException);
        }
    }

    [Fact]
    public void A_service_demanding_cuda_starts_only_where_cuda_loads()
    {
        if (DriverPresent)
        {
            using var serving = new ServingModel(new ModelBundleLoader(new InferenceOptions { ExecutionProvider = ExecutionProviderPreference.Cuda }), _path);
            using var lease = serving.Acquire();
            Assert.Equal(ExecutionProvider.Cuda, lease.Bundle.ExecutionProvider);
        }
        else
        {
            var loader = new ModelBundleLoader(new InferenceOptions { ExecutionProvider = ExecutionProviderPreference.Cuda });
            Assert.Throws<ExecutionProviderUnavailableException>(() => new ServingModel(loader, _path));
        }
    }
}
