using System.Runtime.InteropServices;

namespace VfeTps.Stream.Inference;

/// <summary>
/// What the machine offers ONNX Runtime's CUDA provider, for telling an operator why it did not
/// load, and for tests and tools that behave differently on a GPU machine (use
/// <see cref="DriverPresent"/> rather than testing the <c>/proc</c> path yourself).
/// <c>libonnxruntime_providers_cuda.so</c> of Microsoft.ML.OnnxRuntime.Gpu.Linux 1.31, which ONNX
/// Runtime opens from its own folder together with <c>libonnxruntime_providers_shared.so</c>,
/// links the driver and the CUDA 13 runtime libraries below, and opens cuDNN 9 and cuFFT when
/// first needed. Linux only: elsewhere nothing is found missing.
/// </summary>
public static class CudaEnvironment
{
    /// <summary>
    /// <c>/proc/driver/nvidia/version</c>: present, and holding the driver's version, whenever the
    /// NVIDIA kernel driver is loaded (Linux).
    /// </summary>
    public const string DriverVersionFile = "/proc/driver/nvidia/version";

    /// <summary>ONNX Runtime's own library, beside which it looks for its provider libraries.</summary>
    internal const string OnnxRuntimeLibrary = "libonnxruntime.so";

    /// <summary>The provider libraries, in the order ONNX Runtime opens them.</summary>
    internal static readonly string[] ProviderLibraries = ["libonnxruntime_providers_shared.so", "libonnxruntime_providers_cuda.so"];

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

    /// <summary>True when an NVIDIA kernel driver is loaded: <see cref="DriverVersionFile"/> exists.</summary>
    public static bool DriverPresent => File.Exists(DriverVersionFile);

    /// <summary>The CUDA libraries the dynamic loader cannot open, e.g. "libcudart.so.13 (CUDA 13 runtime)"; empty off Linux.</summary>
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

    /// <summary>
    /// One or two sentences on the machine, to follow a CUDA provider error: whether an NVIDIA driver
    /// is loaded, which CUDA libraries cannot be opened, and whether ONNX Runtime's CUDA provider
    /// library itself is missing or fails to load.
    /// </summary>
    public static string Diagnosis() => Diagnosis(OnnxRuntimeDirectory());

    /// <summary>The diagnosis with ONNX Runtime's folder given (null: not found); for tests.</summary>
    internal static string Diagnosis(string? onnxRuntimeDirectory)
    {
        if (!OperatingSystem.IsLinux())
            return "The CUDA provider is only built for Linux (linux-x64).";
        var driver = DriverPresent ? "An NVIDIA driver is loaded" : $"No NVIDIA driver is loaded ({DriverVersionFile} is absent)";
        var missing = MissingLibraries();

        // Loading the provider library only says something new when its CUDA dependencies all open.
        var provider = ProviderProblem(onnxRuntimeDirectory, tryLoading: missing.Count == 0);
        var libraries = missing.Count == 0
            ? provider is null ? "every CUDA library it needs can be opened, and so can the provider library itself" : "every CUDA library it needs can be opened"
            : $"libraries that cannot be opened: {string.Join(", ", missing)}";
        return provider is null ? $"{driver}; {libraries}." : $"{driver}; {libraries}. {provider}";
    }

    /// <summary>
    /// Null when both provider libraries are in <paramref name="directory"/> (and, with
    /// <paramref name="tryLoading"/>, open); otherwise a sentence saying which is missing or why it failed to load.
    /// </summary>
    internal static string? ProviderProblem(string? directory, bool tryLoading)
    {
        const string Itself = "The ONNX Runtime CUDA provider library itself is missing or failed to load";
        if (directory is null)
        {
            return $"{Itself}: {OnnxRuntimeLibrary} was found neither loaded in this process nor in " +
                $"'{Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native")}' or '{AppContext.BaseDirectory}', " +
                "so its provider libraries could not be looked for.";
        }

        var absent = ProviderLibraries.Where(library => !File.Exists(Path.Combine(directory, library))).ToList();
        if (absent.Count > 0)
            return $"{Itself}: {string.Join(" and ", absent)} {(absent.Count == 1 ? "is" : "are")} not in '{directory}', beside {OnnxRuntimeLibrary} (was the application published without the Microsoft.ML.OnnxRuntime.Gpu.Linux native files?).";
        if (!tryLoading)
            return null;

        var handles = new List<IntPtr>();
        try
        {
            foreach (var library in ProviderLibraries)
            {
                try
                {
                    handles.Add(NativeLibrary.Load(Path.Combine(directory, library)));
                }
                catch (Exception error) when (error is DllNotFoundException or BadImageFormatException)
                {
                    return $"{Itself}: '{Path.Combine(directory, library)}' cannot be loaded: {error.Message}";
                }
            }
            return null;
        }
        finally
        {
            foreach (var handle in handles)
                NativeLibrary.Free(handle);
        }
    }

    /// <summary>
    /// The folder of the <c>libonnxruntime.so</c> this process has loaded (ONNX Runtime looks for its
    /// providers there), else the first of the application's <c>runtimes/linux-x64/native</c> and base
    /// folders that holds one, else null.
    /// </summary>
    internal static string? OnnxRuntimeDirectory()
    {
        if (LoadedLibraryPath(OnnxRuntimeLibrary) is { } loaded)
            return Path.GetDirectoryName(loaded);
        string[] candidates = [Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native"), AppContext.BaseDirectory];
        return candidates.FirstOrDefault(directory => File.Exists(Path.Combine(directory, OnnxRuntimeLibrary)));
    }

    // /proc/self/maps lists every mapped file with its full path as the last field.
    private static string? LoadedLibraryPath(string fileName)
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/maps"))
            {
                var slash = line.IndexOf('/', StringComparison.Ordinal);
                if (slash >= 0 && line.AsSpan(slash).EndsWith("/" + fileName, StringComparison.Ordinal))
                    return line[slash..];
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or /proc is not mounted: fall back to the application's folders.
        }
        return null;
    }
}
