namespace VfeTps.Stream.Inference;

/// <summary>
/// The right to use one model until disposed: while a lease is held its bundle stays open, even if
/// a swap replaces it meanwhile. Take one per request (<c>using var lease = serving.Acquire();</c>)
/// and use its encoders only inside that scope.
/// </summary>
public sealed class ModelLease : IDisposable
{
    private CountedBundle? _bundle;

    internal ModelLease(CountedBundle bundle)
    {
        _bundle = bundle;
        Bundle = bundle.Bundle;
    }

    /// <summary>The leased model.</summary>
    public ModelBundle Bundle { get; }

    public string ModelVersion => Bundle.ModelVersion;

    public BundleManifest Manifest => Bundle.Manifest;

    public ImageEncoder ImageEncoder => Bundle.ImageEncoder;

    public TextEncoder TextEncoder => Bundle.TextEncoder;

    /// <summary>Returns the lease; the model is disposed now if it was swapped out and this was its last lease.</summary>
    public void Dispose() => Interlocked.Exchange(ref _bundle, null)?.Release();
}
