using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace VfeTps.Stream.Inference.Tests;

/// <summary>
/// A CUDA provider that loads and opens the towers but fails when they run (ONNX Runtime creates the
/// cuBLAS and cuDNN handles on the first run: a GPU site without cuDNN fails there). The stand-in
/// "CUDA" is the injectable CUDA attempt: it replaces the text tower's token table, in the session
/// options only the CUDA sessions get, by a one-row table. The sessions open and declare the right
/// signature, and the first real run fails inside ONNX Runtime (Gather: index out of bounds), with a
/// genuine <see cref="OnnxRuntimeException"/>. The CPU sessions the loader reopens do not carry it.
/// </summary>
public sealed class CudaRunFallbackTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly RecordingLogger _logger = new();

    // Must outlive every session opened with it: ONNX Runtime reads the caller's memory.
    private readonly OrtValue _oneRowTable = OrtValue.CreateTensorValueFromMemory(new float[TestBundle.EmbeddingSize], [1, TestBundle.EmbeddingSize]);

    public void Dispose()
    {
        _oneRowTable.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void Auto_falls_back_to_the_cpu_when_cuda_opens_the_towers_but_fails_to_run_them()
    {
        var path = Written();
        using var reference = TestBundle.Load(path);

        using var bundle = Loader(ExecutionProviderPreference.Auto, FailsAtRunTime).Load(path);

        Assert.Equal(ExecutionProvider.Cpu, bundle.ExecutionProvider);
        var warning = Assert.Single(_logger.Entries, entry => entry.Level == LogLevel.Warning);
        Assert.Contains($"Running the towers of '{path}' on CUDA failed at the Probe check", warning.Message, StringComparison.Ordinal);
        Assert.Contains("text tower: running the probe texts failed", warning.Message, StringComparison.Ordinal);
        Assert.Contains("indices element out of data bounds", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Auto falls back to the CPU", warning.Message, StringComparison.Ordinal);
        Assert.Contains(_logger.Entries, entry => entry.Message.Contains("Loaded model stand-in-1", StringComparison.Ordinal) && entry.Message.Contains("on Cpu", StringComparison.Ordinal));

        // The bundle serves from CPU sessions without the stand-in's sabotage: the reference's numbers.
        Assert.Equal(reference.TextEncoder.EmbedBatch(TestBundle.Texts).Values, bundle.TextEncoder.EmbedBatch(TestBundle.Texts).Values);
        var crops = TestBundle.Crops(3);
        Assert.Equal(reference.ImageEncoder.EmbedBatch(crops).Values, bundle.ImageEncoder.EmbedBatch(crops).Values);
    }

    [Fact]
    public void Cuda_demanded_that_fails_to_run_the_towers_refuses_the_bundle()
    {
        var path = Written();

        var error = Assert.Throws<ModelBundleException>(() => Loader(ExecutionProviderPreference.Cuda, FailsAtRunTime).Load(path));

        Assert.Equal(BundleCheckStage.Probe, error.Stage);
        Assert.Contains("text tower: running the probe texts failed", Assert.Single(error.Problems), StringComparison.Ordinal);
        Assert.IsType<OnnxRuntimeException>(error.InnerException);
        Assert.DoesNotContain(_logger.Entries, entry => entry.Message.Contains("falls back", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bundle_that_is_also_bad_on_the_cpu_is_refused_with_the_cpus_finding()
    {
        var path = Written(new TestBundleSpec { Image = ImageTowerKind.NaN });

        var error = Assert.Throws<ModelBundleException>(() => Loader(ExecutionProviderPreference.Auto, FailsAtRunTime).Load(path));

        Assert.Equal(BundleCheckStage.Probe, error.Stage);
        Assert.StartsWith("image tower: NaN/infinite output", Assert.Single(error.Problems), StringComparison.Ordinal);
        Assert.Null(error.InnerException);
        Assert.Contains(_logger.Entries, entry => entry.Level == LogLevel.Warning && entry.Message.Contains("Auto falls back to the CPU", StringComparison.Ordinal));
    }

    [Fact]
    public void A_probe_that_runs_on_cuda_and_finds_bad_embeddings_is_not_retried_on_the_cpu()
    {
        var path = Written(new TestBundleSpec { Image = ImageTowerKind.Collapsed });

        // A "CUDA" that runs fine: the bundle is refused for what it computes, not for how it ran.
        var error = Assert.Throws<ModelBundleException>(() => Loader(ExecutionProviderPreference.Auto, (_, _) => { }).Load(path));

        Assert.Equal(BundleCheckStage.Probe, error.Stage);
        Assert.Contains("image tower: collapsed embeddings", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_logger.Entries, entry => entry.Message.Contains("falls back", StringComparison.Ordinal));
    }

    private Action<SessionOptions, int> FailsAtRunTime => (options, _) => options.AddInitializer("token_table", _oneRowTable);

    private ModelBundleLoader Loader(ExecutionProviderPreference preference, Action<SessionOptions, int> appendCuda) =>
        new(new InferenceOptions { ExecutionProvider = preference, IntraOpThreads = 1 }, _logger, new ExecutionProviderSelector(appendCuda, _logger));

    private string Written(TestBundleSpec? spec = null)
    {
        var path = _temp.PathOf("bundle");
        TestBundle.Write(path, spec);
        return path;
    }
}
