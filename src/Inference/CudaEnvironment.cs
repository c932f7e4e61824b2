using System.Runtime.InteropServices;

namespace VfeTps.Stream.Inference;

/// <summary>
/// What the machine offers CUDA, for telling an operator why the CUDA provider did not load.
/// <c>libonnxruntime_providers_cuda.so</c> of Microsoft.ML.OnnxRuntime.Gpu.Linux 1.31 links the
/// driver and the CUDA 13 runtime libraries below, and opens cuDNN 9 and cuFFT when first needed.
/// </summary>
internal static class CudaEnvironment
{
    /// <summary>Present whenever the NVIDIA kernel driver is loaded (Linux).</summary>
    public const string DriverVersionFile = "/proc/driver/nvidia/version";

    private static readonly (string Library, string Source)[] Libraries =
    [
        ("libcuda.so.1", "NVIDIA driver"),
        ("libcudart.so.13", "CUDA 13 runtime"),
        ("libcublas.so.13", "CUDA 13 cuBLAS"),
        ("libcublasLt.so.13", "CUDA 13 cuBLASLt"),
        ("libcurand.so.10", "CUDA 13 cuRAND"),
        ("libcufft.so.12", "CUDA 13 cuFFT"),
        ("libcudnn.so.9", "cuDNN 9"),
    ];

    public static bool DriverPresent => File.Exists(DriverVersionFile);

    /// <summary>The libraries the dynamic loader cannot find, e.g. "libcudart.so.13 (CUDA 13 runtime)".</summary>
    public static IReadOnlyList<string> MissingLibraries()
    {
        if (!OperatingSystem.IsLinux())
            return [];
        var missing = new List<string>();
        foreach (var (library, source) in Libraries)
        {
            if (NativeLibrary.TryLoad(library, out var handle))
                NativeLibrary.Free(handle);
            else
                missing.Add($"{library} ({source})");
        }
        return missing;
    }

    /// <summary>One sentence on the driver and the missing libraries, to follow a provider error.</summary>
    public static string Diagnosis()
    {
        var driver = DriverPresent ? "An NVIDIA driver is loaded" : $"No NVIDIA driver is loaded ({DriverVersionFile} is absent)";
        var missing = MissingLibraries();
        return missing.Count == 0
            ? $"{driver}; every CUDA library it needs can be opened."
            : $"{driver}; libraries that cannot be opened: {string.Join(", ", missing)}.";
    }
}
