using TorchSharp;

namespace VfeTps.Stream.Training.Native;

/// <summary>
/// Starts libtorch once and turns TorchSharp's load failure (which blames a missing NuGet package
/// even when the real cause is the system's libstdc++) into an error that says what to do.
/// </summary>
public static class TorchRuntime
{
    private static readonly Lazy<string> s_version = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The libtorch version string, after making sure the native library is loaded.</summary>
    public static string EnsureLoaded() => s_version.Value;

    private static string Load()
    {
        try
        {
            torch.InitializeDeviceType(DeviceType.CPU);
            return torch.__version__;
        }
        catch (Exception e) when (e is NotSupportedException or TypeInitializationException or DllNotFoundException)
        {
            throw new InvalidOperationException(
                "libtorch could not be loaded. On Debian 12 the build output's libLibTorchSharp.so must be patched " +
                "(build/TorchSharpNative.targets does it after every build and publish): rebuild with `dotnet build`, " +
                "and run ./scripts/setup.sh once if the machine is new. Original error: " + e.Message, e);
        }
    }
}
