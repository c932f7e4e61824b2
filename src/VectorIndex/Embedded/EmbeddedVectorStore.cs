using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace VfeTps.Stream.VectorIndex.Embedded;

/// <summary>
/// The one-machine vector store: each collection is a folder under <see cref="RootDirectory"/> holding
/// an append-only point log, loaded into memory on open and searched by an exact SIMD scan (see the
/// project's README for why). Opening a collection that is already open in this store returns another
/// handle on the same data. Thread-safe.
/// </summary>
public sealed class EmbeddedVectorStore : IVectorStore
{
    /// <summary>The largest dimension a collection may have.</summary>
    public const int MaxDimension = 65536;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, EmbeddedCollection> _open = new(StringComparer.Ordinal);
    private readonly EmbeddedVectorStoreOptions _options;
    private readonly ILogger _logger;

    public EmbeddedVectorStore(string rootDirectory, ILogger? logger = null)
        : this(rootDirectory, new EmbeddedVectorStoreOptions(), logger)
    {
    }

    public EmbeddedVectorStore(string rootDirectory, EmbeddedVectorStoreOptions options, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        RootDirectory = Path.GetFullPath(rootDirectory);
        _options = options;
        _logger = logger ?? NullLogger.Instance;
    }

    public string RootDirectory { get; }

    /// <summary>Opens the collection (a new <see cref="EmbeddedVectorIndex"/> handle), creating it when missing.</summary>
    /// <exception cref="ArgumentException">The name is not a valid collection name.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The dimension is not within 1..<see cref="MaxDimension"/>.</exception>
    /// <exception cref="InvalidOperationException">It exists with another dimension, or another process has it open.</exception>
    /// <exception cref="InvalidDataException">Its folder holds a file that is not a point log.</exception>
    public async Task<IVectorIndex> OpenAsync(string name, int dimension, CancellationToken cancellationToken)
    {
        CollectionNames.Validate(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimension, MaxDimension);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_open.TryGetValue(name, out var collection))
            {
                // Replaying a large log takes seconds: off the caller's thread.
                collection = await Task.Run(() => EmbeddedCollection.Open(DirectoryOf(name), name, dimension, _options, _logger), cancellationToken)
                    .ConfigureAwait(false);
                _open.Add(name, collection);
            }
            else if (collection.Dimension != dimension)
            {
                throw new InvalidOperationException($"Vector collection '{name}' holds vectors of dimension {collection.Dimension}, not {dimension}.");
            }

            collection.References++;
            return new EmbeddedVectorIndex(collection, this);
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!Directory.Exists(RootDirectory))
        {
            return Task.FromResult<IReadOnlyList<string>>([]);
        }

        var names = Directory.EnumerateDirectories(RootDirectory)
            .Select(Path.GetFileName)
            .Where(n => CollectionNames.IsValid(n) && File.Exists(PointLogFile.PathIn(DirectoryOf(n!))))
            .Select(static n => n!)
            .Order(StringComparer.Ordinal)
            .ToList();
        return Task.FromResult<IReadOnlyList<string>>(names);
    }

    /// <exception cref="InvalidOperationException">The collection is open (here or in another process).</exception>
    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        CollectionNames.Validate(name);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_open.ContainsKey(name))
            {
                throw new InvalidOperationException($"Vector collection '{name}' is open; dispose its handles before deleting it.");
            }

            var directory = DirectoryOf(name);
            if (!Directory.Exists(directory))
            {
                return false;
            }

            bool existed;
            using (EmbeddedCollection.AcquireLock(directory, name))
            {
                // The log first: once it is gone the collection no longer exists, even if the rest stays.
                var log = PointLogFile.PathIn(directory);
                existed = File.Exists(log);
                File.Delete(log);
            }

            Directory.Delete(directory, recursive: true);
            if (existed)
            {
                Log.Deleted(_logger, name);
            }

            return existed;
        }
        finally
        {
            _gate.Release();
        }
    }

    internal async Task ReleaseAsync(EmbeddedCollection collection)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (--collection.References > 0)
            {
                return;
            }

            _open.Remove(collection.Name);
            await collection.CloseAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private string DirectoryOf(string name) => Path.Combine(RootDirectory, name);
}
