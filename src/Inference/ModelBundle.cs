using Microsoft.Extensions.Logging;

namespace VfeTps.Stream.Inference;

/// <summary>
/// A validated, loaded model: its manifest and its two encoders on one execution provider. Made by
/// <see cref="ModelBundleLoader"/> (or <see cref="Load"/>); disposing it closes both ONNX Runtime
/// sessions, so dispose it only when no call is using it (<see cref="ServingModel"/> sees to that).
/// </summary>
public sealed class ModelBundle : IDisposable
{
    private readonly IDisposable[] _resources;
    private int _disposed;

    internal ModelBundle(
        string directory, BundleManifest manifest, ExecutionProvider executionProvider, ImageEncoder imageEncoder, TextEncoder textEncoder, IDisposable[] resources)
    {
        Directory = directory;
        Manifest = manifest;
        ExecutionProvider = executionProvider;
        ImageEncoder = imageEncoder;
        TextEncoder = textEncoder;
        _resources = resources;
    }

    /// <summary>The bundle folder, a full path.</summary>
    public string Directory { get; }

    public BundleManifest Manifest { get; }

    /// <summary>The manifest's model version.</summary>
    public string ModelVersion => Manifest.ModelVersion;

    /// <summary>The provider both towers run on.</summary>
    public ExecutionProvider ExecutionProvider { get; }

    public ImageEncoder ImageEncoder { get; }

    public TextEncoder TextEncoder { get; }

    /// <summary>True once disposed; the encoders then throw <see cref="ObjectDisposedException"/>.</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>Loads and validates a bundle; see <see cref="ModelBundleLoader.Load"/>.</summary>
    /// <exception cref="ModelBundleException">The bundle is invalid.</exception>
    /// <exception cref="ExecutionProviderUnavailableException">CUDA is demanded and cannot be loaded.</exception>
    public static ModelBundle Load(string directory, InferenceOptions options, ILogger? logger = null) =>
        new ModelBundleLoader(options, logger).Load(directory);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        foreach (var resource in _resources)
            resource.Dispose();
    }
}
