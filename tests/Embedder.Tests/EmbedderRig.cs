using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VfeTps.Stream.Contracts;
using VfeTps.Stream.Messaging;
using VfeTps.Stream.Storage;
using VfeTps.Stream.VectorIndex;
using VfeTps.Stream.VectorIndex.Embedded;

namespace VfeTps.Stream.Embedder.Tests;

/// <summary>
/// One CropBatchEmbedder over real parts: the real model, a real embedded vector index and a real
/// blob folder in a temp directory; only the dead-letter sink is a recording test double.
/// </summary>
internal sealed class EmbedderRig : IAsyncDisposable
{
    private readonly TempDirectory _temp;
    private readonly ServiceProvider _services;

    private EmbedderRig(TempDirectory temp, RealModel model, IVectorIndex index, IBlobStore blobs, int embeddedCapacity, EmbedderOptions? options)
    {
        _temp = temp;
        Model = model;
        Index = index;
        Blobs = blobs;
        Embedded = new InProcessEventStream<CropEmbedded>(embeddedCapacity);
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        MeterFactory = _services.GetRequiredService<IMeterFactory>();
        Embedder = new CropBatchEmbedder(
            model.Serving,
            Index,
            Blobs,
            DeadLetters,
            Embedded,
            new EmbedderMetrics(MeterFactory),
            Options.Create(options ?? new EmbedderOptions()),
            Clock,
            NullLogger<CropBatchEmbedder>.Instance);
    }

    public RealModel Model { get; }

    public IVectorIndex Index { get; }

    public IBlobStore Blobs { get; }

    public RecordingDeadLetterSink DeadLetters { get; } = new();

    public InProcessEventStream<CropEmbedded> Embedded { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 28, 9, 0, 5, TimeSpan.Zero));

    public IMeterFactory MeterFactory { get; }

    public CropBatchEmbedder Embedder { get; }

    /// <param name="model">The shared real model.</param>
    /// <param name="indexName">The collection's name; by default the model's version, as the site opens it.</param>
    /// <param name="embeddedCapacity">Room in the CropEmbedded stream.</param>
    /// <param name="wrapIndex">Wraps the real index (to inject failures with a named test double).</param>
    /// <param name="options">Embedder options; defaults otherwise.</param>
    public static async Task<EmbedderRig> CreateAsync(
        RealModel model, string? indexName = null, int embeddedCapacity = 1024, Func<IVectorIndex, IVectorIndex>? wrapIndex = null, EmbedderOptions? options = null)
    {
        var temp = new TempDirectory();
        var store = new EmbeddedVectorStore(temp.CreateSubdirectory("vectors"));
        var index = await store.OpenAsync(indexName ?? model.ModelVersion, model.Dimension, TestContext.Current.CancellationToken);
        return new EmbedderRig(temp, model, wrapIndex?.Invoke(index) ?? index, new LocalFolderBlobStore(temp.PathOf("blobs")), embeddedCapacity, options);
    }

    public Task<int> EmbedAsync(params PersonCropped[] batch) => Embedder.EmbedAsync(batch, TestContext.Current.CancellationToken);

    public Task<long> CountAsync() => Index.CountAsync(TestContext.Current.CancellationToken);

    public Task<CropVector?> GetAsync(string cropId) => Index.GetAsync(cropId, TestContext.Current.CancellationToken);

    /// <summary>The CropEmbedded events published so far (reads them off the stream).</summary>
    public List<CropEmbedded> DrainEmbedded()
    {
        var events = new List<CropEmbedded>();
        while (Embedded.TryRead(out var next))
        {
            events.Add(next);
        }

        return events;
    }

    public async ValueTask DisposeAsync()
    {
        await Index.DisposeAsync();
        await _services.DisposeAsync();
        _temp.Dispose();
    }
}
