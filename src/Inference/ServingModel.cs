using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace VfeTps.Stream.Inference;

/// <summary>
/// The model a service is serving, replaceable while it serves. <see cref="TrySwap"/> loads and
/// validates a new bundle beside the current one and switches to it atomically only if it passes;
/// a refused bundle changes nothing. Callers hold a <see cref="ModelLease"/> while they embed, and
/// a swapped-out bundle is disposed when its last lease is returned, so no call ever runs on a
/// closed session. Thread-safe; swaps are serialised.
/// </summary>
public sealed class ServingModel : IDisposable
{
    private readonly ModelBundleLoader _loader;
    private readonly ILogger _logger;
    private readonly Lock _swapLock = new();
    private CountedBundle? _current;

    /// <summary>Starts serving the bundle in <paramref name="initialBundleDirectory"/>.</summary>
    /// <exception cref="ModelBundleException">That bundle is invalid: a service must not start without a valid model.</exception>
    /// <exception cref="ExecutionProviderUnavailableException">CUDA is demanded and cannot be loaded.</exception>
    public ServingModel(ModelBundleLoader loader, string initialBundleDirectory, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(loader);
        _loader = loader;
        _logger = logger ?? NullLogger.Instance;
        _current = new CountedBundle(loader.Load(initialBundleDirectory));
    }

    /// <summary>The model version serving now (it may change right after this returns).</summary>
    public string ModelVersion => Current().Bundle.ModelVersion;

    /// <summary>Leases the current model; dispose the lease when the request is done.</summary>
    /// <exception cref="ObjectDisposedException">The service is shutting down.</exception>
    public ModelLease Acquire()
    {
        while (true)
        {
            var current = Current();
            if (current.TryAddReference())
                return new ModelLease(current);

            // A swap retired this bundle between the read and the increment: read the new one.
            Thread.Yield();
        }
    }

    /// <summary>
    /// Loads the bundle in <paramref name="bundleDirectory"/> and serves it from now on if it is
    /// valid; otherwise keeps serving the current model. Either way the result says which serves.
    /// A bundle cannot make this throw: any error while loading it (but cancellation) is returned
    /// as a failed <see cref="ModelSwapResult"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="bundleDirectory"/> is null, empty or white space.</exception>
    /// <exception cref="ObjectDisposedException">This service is shutting down.</exception>
    public ModelSwapResult TrySwap(string bundleDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bundleDirectory);
        lock (_swapLock)
        {
            var previous = Current();
            var previousVersion = previous.Bundle.ModelVersion;
            ModelBundle replacement;
            try
            {
                replacement = _loader.Load(bundleDirectory);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // Whatever the bundle did to the loader (usually a ModelBundleException), the
                // running model is untouched: a swap reports failure and never takes a service down.
                _logger.ModelSwapFailed(bundleDirectory, previousVersion, error.Message);
                return new ModelSwapResult(false, previousVersion, previousVersion, error);
            }

            if (Interlocked.CompareExchange(ref _current, new CountedBundle(replacement), previous) != previous)
            {
                // Disposed while loading.
                replacement.Dispose();
                throw new ObjectDisposedException(nameof(ServingModel));
            }
            previous.Release();
            _logger.ModelSwapped(replacement.ModelVersion, previousVersion);
            return new ModelSwapResult(true, replacement.ModelVersion, previousVersion, null);
        }
    }

    /// <summary>Stops serving: the current model is disposed once its last lease is returned.</summary>
    public void Dispose() => Interlocked.Exchange(ref _current, null)?.Release();

    private CountedBundle Current() => Volatile.Read(ref _current) ?? throw new ObjectDisposedException(nameof(ServingModel));
}
