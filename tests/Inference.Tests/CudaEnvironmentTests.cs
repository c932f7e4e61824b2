namespace VfeTps.Stream.Inference.Tests;

/// <summary>The diagnosis that follows a CUDA provider error, on this machine and on folders made to lack the provider.</summary>
public sealed class CudaEnvironmentTests
{
    private const string ProviderItself = "The ONNX Runtime CUDA provider library itself is missing or failed to load";

    [Fact]
    public void The_driver_check_reads_the_documented_file()
    {
        Assert.StartsWith("/proc/", CudaEnvironment.DriverVersionFile, StringComparison.Ordinal);
        Assert.Equal(File.Exists(CudaEnvironment.DriverVersionFile), CudaEnvironment.DriverPresent);
    }

    [Fact]
    public void Onnx_runtime_is_found_with_its_provider_libraries_beside_it()
    {
        // Opening a session loads libonnxruntime.so, so the folder is the one this process uses.
        using var options = new Microsoft.ML.OnnxRuntime.SessionOptions();

        var directory = CudaEnvironment.OnnxRuntimeDirectory();

        Assert.NotNull(directory);
        Assert.True(File.Exists(Path.Combine(directory, "libonnxruntime.so")), directory);
        Assert.Null(CudaEnvironment.ProviderProblem(directory, tryLoading: false));
    }

    [Fact]
    public void Missing_provider_libraries_are_named_instead_of_blaming_cuda()
    {
        using var temp = new TempDirectory();

        var problem = CudaEnvironment.ProviderProblem(temp.FullPath, tryLoading: true);
        var diagnosis = CudaEnvironment.Diagnosis(temp.FullPath);

        Assert.NotNull(problem);
        Assert.StartsWith(ProviderItself, problem, StringComparison.Ordinal);
        Assert.Contains(
            $"libonnxruntime_providers_shared.so and libonnxruntime_providers_cuda.so are not in '{temp.FullPath}'", problem, StringComparison.Ordinal);
        Assert.Contains(problem, diagnosis, StringComparison.Ordinal);
        Assert.DoesNotContain("and so can the provider library itself", diagnosis, StringComparison.Ordinal);
    }

    [Fact]
    public void A_provider_library_that_cannot_be_loaded_is_reported_with_the_loaders_error()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.PathOf("libonnxruntime_providers_shared.so"), "not an ELF file");
        File.WriteAllText(temp.PathOf("libonnxruntime_providers_cuda.so"), "not an ELF file");

        var problem = CudaEnvironment.ProviderProblem(temp.FullPath, tryLoading: true);

        Assert.NotNull(problem);
        Assert.StartsWith($"{ProviderItself}: '{temp.PathOf("libonnxruntime_providers_shared.so")}' cannot be loaded:", problem, StringComparison.Ordinal);
        Assert.Null(CudaEnvironment.ProviderProblem(temp.FullPath, tryLoading: false));
    }

    [Fact]
    public void Onnx_runtime_not_found_is_said_plainly()
    {
        var problem = CudaEnvironment.ProviderProblem(null, tryLoading: true);

        Assert.NotNull(problem);
        Assert.StartsWith($"{ProviderItself}: libonnxruntime.so was found neither loaded in this process nor in", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void On_this_machine_the_provider_library_loads_exactly_when_cuda_is_there()
    {
        using var options = new Microsoft.ML.OnnxRuntime.SessionOptions();
        var directory = CudaEnvironment.OnnxRuntimeDirectory();

        var problem = CudaEnvironment.ProviderProblem(directory, tryLoading: true);

        if (CudaEnvironment.DriverPresent && CudaEnvironment.MissingLibraries().Count == 0)
        {
            Assert.Null(problem);
            Assert.EndsWith("every CUDA library it needs can be opened, and so can the provider library itself.", CudaEnvironment.Diagnosis(), StringComparison.Ordinal);
        }
        else if (!CudaEnvironment.DriverPresent)
        {
            // libonnxruntime_providers_cuda.so links libcuda.so.1, which only a driver installs.
            Assert.NotNull(problem);
            Assert.Contains("libonnxruntime_providers_cuda.so' cannot be loaded", problem, StringComparison.Ordinal);

            // The diagnosis of a real failure lists the missing CUDA libraries and does not try the provider again.
            var diagnosis = CudaEnvironment.Diagnosis();
            Assert.Contains("libcuda.so.1 (NVIDIA driver)", diagnosis, StringComparison.Ordinal);
            Assert.DoesNotContain(ProviderItself, diagnosis, StringComparison.Ordinal);
        }
    }
}
